import type { JsonSchema } from "../catalog/catalog-model.js";
import { coerceScalar, expectedType, matchEnum } from "./coerce-value.js";

/**
 * Prepares an input object for validation, leniently: optional fields sent as
 * null (or "" for non-string fields) count as absent, scalars become the
 * declared type, enum values match by text. Anything it cannot fix is left for
 * ajv to report. Returns a copy; the caller's input is echoed back unchanged.
 */
export function coerceInput(
  input: Record<string, unknown>,
  schema: JsonSchema,
): Record<string, unknown> {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const result: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    const property = properties[name];
    if (!isSchema(property)) {
      result[name] = value;
      continue;
    }
    const type = expectedType(property);
    const blank = value === null || (value === "" && type !== undefined && type !== "string");
    if (blank && !required.has(name)) continue;
    result[name] = coerceProperty(value, property);
  }
  return result;
}

function coerceProperty(value: unknown, property: JsonSchema): unknown {
  if (Array.isArray(value)) {
    const items = isSchema(property.items) ? property.items : undefined;
    return items === undefined ? value : value.map((item) => coerceProperty(item, items));
  }
  if (typeof value === "object" && value !== null) return value;
  const coerced = coerceScalar(value, expectedType(property));
  const scalar = coerced.ok ? coerced.value : value;
  if (Array.isArray(property.enum)) {
    const member = matchEnum(scalar, property.enum);
    return member.ok ? member.value : scalar;
  }
  return scalar;
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
