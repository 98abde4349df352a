import "server-only";
import Ajv from "ajv";
import { schemaErrors } from "../runs/validate-input";
import type { JsonSchema } from "../shared/catalog-types";
import { AppError } from "../shared/errors";
import { isRecord } from "../shared/workflow-types";

// Lenient like the platform (unknown keywords are fine); only a schema ajv cannot compile
// at all is refused, as each::workflows refuses it.
const ajv = new Ajv({ strict: false, allowUnionTypes: true, validateFormats: false });

/** Why a definition's input_schema cannot be used, or null when it can (or there is none). */
export function inputSchemaProblem(definition: unknown): string | null {
  if (!isRecord(definition) || definition.input_schema === undefined) return null;
  if (!isRecord(definition.input_schema)) return "input_schema must be a JSON Schema object.";
  try {
    ajv.compile(definition.input_schema);
    return null;
  } catch (error) {
    return `input_schema is not a valid JSON Schema: ${(error as Error).message}`;
  }
}

/** Field → message for inputs that break the version's input_schema (empty when fine). */
export function inputErrors(
  definition: unknown,
  inputs: Record<string, unknown>,
): Record<string, string> {
  if (!isRecord(definition) || !isRecord(definition.input_schema)) return {};
  return schemaErrors(definition.input_schema as JsonSchema, inputs);
}

/** Throws the 422 a form shows at its fields when the inputs break the input_schema. */
export function assertValidInputs(definition: unknown, inputs: Record<string, unknown>): void {
  const fields = inputErrors(definition, inputs);
  if (Object.keys(fields).length > 0)
    throw new AppError("unprocessable:input", "Some inputs need attention.", { fields });
}
