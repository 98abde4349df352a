import "server-only";
import Ajv, { type ErrorObject } from "ajv";
import addFormats from "ajv-formats";
import type { JsonSchema } from "../shared/catalog-types";

// Lenient on purpose: real catalog schemas carry unknown keywords (x-order…) and defaults of
// the wrong type, which must not stop a valid input.
const ajv = new Ajv({
  allErrors: true,
  strict: false,
  validateSchema: false,
  allowUnionTypes: true,
});
addFormats(ajv);

const compiled = new WeakMap<JsonSchema, ReturnType<typeof ajv.compile>>();

function humanize(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return "This field is required.";
    case "maximum":
      return `Must be at most ${p.limit}.`;
    case "minimum":
      return `Must be at least ${p.limit}.`;
    case "maxLength":
      return `Use at most ${Number(p.limit).toLocaleString("en-US")} characters.`;
    case "minLength":
      return p.limit === 1 ? "This field is required." : `Use at least ${p.limit} characters.`;
    case "enum":
      return `Choose one of: ${(p.allowedValues as unknown[]).join(", ")}.`;
    case "type":
      return `Must be ${p.type === "integer" ? "a whole number" : `a ${p.type}`}.`;
    case "format":
      return p.format === "uri"
        ? "Must be a URL (upload a file or paste a link)."
        : `Must be a valid ${p.format}.`;
    case "maxItems":
      return `Use at most ${p.limit} items.`;
    default:
      return `Is not valid (${error.message ?? error.keyword}).`;
  }
}

function fieldOf(error: ErrorObject): string {
  const path = error.instancePath.replace(/^\//, "").replace(/\//g, ".");
  if (error.keyword === "required") {
    const missing = String((error.params as { missingProperty?: string }).missingProperty ?? "");
    return path ? `${path}.${missing}` : missing;
  }
  return path || "_";
}

/** Field → message for every way `input` breaks the model's JSON Schema (empty when valid). */
export function schemaErrors(
  schema: JsonSchema,
  input: Record<string, unknown>,
): Record<string, string> {
  let validate = compiled.get(schema);
  if (!validate) {
    try {
      validate = ajv.compile(schema);
    } catch {
      return {}; // a schema ajv cannot read is upstream's to judge
    }
    compiled.set(schema, validate);
  }
  if (validate(input)) return {};
  const fields: Record<string, string> = {};
  for (const error of validate.errors ?? []) fields[fieldOf(error)] ??= humanize(error);
  return fields;
}
