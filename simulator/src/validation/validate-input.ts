import AjvModule, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import type { JsonSchema } from "../catalog/catalog-model.js";
import { coerceInput } from "./coerce-input.js";
import { normalizeSchema } from "./normalize-schema.js";

// ajv and ajv-formats are CommonJS; under tsx/vitest the default import may be the
// module namespace rather than the export, so take `.default` when present.
const Ajv = (AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule;
const addFormats =
  (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule;

export interface FieldProblem {
  field: string;
  message: string;
}

export type ValidationResult =
  { ok: true; value: Record<string, unknown> } | { ok: false; problems: FieldProblem[] };

export type InputValidator = (input: Record<string, unknown>) => ValidationResult;

const ajv = new Ajv({
  allErrors: true,
  // Catalog schemas carry x-order and other vendor keywords.
  strict: false,
  // "array" also wraps a lone value into a one-element array.
  coerceTypes: "array",
  useDefaults: true,
});
addFormats(ajv);

/** Compiles a model's request_schema into a validator that returns the coerced input with defaults. */
export function createInputValidator(
  schema: JsonSchema,
  onCompileError: (problem: string) => void,
): InputValidator {
  const normalized = normalizeSchema(schema);
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(normalized);
  } catch (error) {
    onCompileError(error instanceof Error ? error.message : String(error));
    return (input) => ({ ok: true, value: { ...input } });
  }
  return (input) => {
    const value = coerceInput(input, normalized);
    if (validate(value)) return { ok: true, value };
    return { ok: false, problems: describeErrors(validate.errors ?? []) };
  };
}

/** One plain-language problem per field, in the order ajv found them. */
export function describeErrors(errors: readonly ErrorObject[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const problem = describeError(error);
    if (seen.has(problem.field)) continue;
    seen.add(problem.field);
    problems.push(problem);
  }
  return problems;
}

function describeError(error: ErrorObject): FieldProblem {
  const base = error.instancePath
    .split("/")
    .filter((part) => part !== "")
    .join(".");
  const join = (name: string): string => (base === "" ? name : `${base}.${name}`);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return { field: join(String(params.missingProperty)), message: "is required" };
    case "additionalProperties":
      return {
        field: join(String(params.additionalProperty)),
        message: "is not a supported input",
      };
    case "type":
      return { field: base || "input", message: `must be ${article(String(params.type))}` };
    case "enum":
      return {
        field: base,
        message: `must be one of: ${(params.allowedValues as unknown[]).map(String).join(", ")}`,
      };
    case "minimum":
    case "exclusiveMinimum":
      return {
        field: base,
        message: `must be ${params.comparison === ">" ? "greater than" : "at least"} ${String(params.limit)}`,
      };
    case "maximum":
    case "exclusiveMaximum":
      return {
        field: base,
        message: `must be ${params.comparison === "<" ? "less than" : "at most"} ${String(params.limit)}`,
      };
    case "minLength":
      return { field: base, message: `must be at least ${String(params.limit)} characters` };
    case "maxLength":
      return { field: base, message: `must be at most ${String(params.limit)} characters` };
    case "minItems":
      return { field: base, message: `must have at least ${String(params.limit)} items` };
    case "maxItems":
      return { field: base, message: `must have at most ${String(params.limit)} items` };
    case "format":
      return {
        field: base,
        message:
          params.format === "uri"
            ? "must be a valid URL"
            : `must be a valid ${String(params.format)}`,
      };
    default:
      return { field: base || "input", message: error.message ?? "is invalid" };
  }
}

function article(type: string): string {
  const words: Record<string, string> = {
    integer: "an integer",
    number: "a number",
    string: "a string",
    boolean: "a boolean (true or false)",
    array: "a list",
    object: "an object",
  };
  return words[type] ?? type;
}
