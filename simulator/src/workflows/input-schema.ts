import AjvModule, { type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { describeErrors, type FieldProblem } from "../validation/validate-input.js";

// CommonJS interop, as in validation/validate-input.ts.
const Ajv = (AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule;
const addFormats =
  (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule;

// Lenient like each::api: "5" is accepted for an integer field, defaults are filled in.
const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: true, useDefaults: true });
addFormats(ajv);

const compiled = new Map<string, ValidateFunction>();

/** Compiles (and caches) a workflow's input_schema; throws with ajv's reason when it is not a valid schema. */
export function compileInputSchema(schema: Record<string, unknown>): ValidateFunction {
  const text = JSON.stringify(schema);
  let validate = compiled.get(text);
  if (validate === undefined) {
    validate = ajv.compile(schema);
    compiled.set(text, validate);
  }
  return validate;
}

export type InputCheck =
  | { ok: true; inputs: Record<string, unknown> }
  | { ok: false; error: string; problems: FieldProblem[] };

/**
 * Trigger inputs against the version's input_schema: the inputs with defaults
 * applied, or the problems, the first one in the platform's words
 * (`invalid input: missing required field 'prompt'`).
 */
export function checkInputs(
  schema: Record<string, unknown> | undefined,
  inputs: Record<string, unknown>,
): InputCheck {
  const copy = structuredClone(inputs);
  if (schema === undefined) return { ok: true, inputs: copy };
  const validate = compileInputSchema(schema);
  if (validate(copy)) return { ok: true, inputs: copy };
  const problems = describeErrors(validate.errors ?? []);
  const first = problems[0];
  const error =
    first === undefined
      ? "invalid input"
      : first.message === "is required"
        ? `invalid input: missing required field '${first.field}'`
        : `invalid input: field '${first.field}' ${first.message}`;
  return { ok: false, error, problems };
}
