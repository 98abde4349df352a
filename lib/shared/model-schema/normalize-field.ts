// Makes one field's own keywords trustworthy: a single `type`, numbers where numbers belong,
// and a `default` of the declared type ("1" → 1, "False" → false) or none at all. rjsf and ajv
// would otherwise show "1" in a number box, or refuse the form over a default nobody typed.
import type { JsonSchema } from "@/lib/shared/catalog-types";
import { NOT_COERCIBLE, coerceValue, matchEnumValue } from "./coerce-value";
import { numberOf, propertiesOf, typeOf, type PrimitiveType } from "./schema-access";

const NUMERIC_KEYWORDS = [
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
] as const;

function inferType(node: JsonSchema): PrimitiveType {
  const declared = typeOf(node);
  if (declared && declared !== "null") return declared;
  const sample = Array.isArray(node.enum)
    ? node.enum[0]
    : "const" in node
      ? node.const
      : node.default;
  if (typeof sample === "boolean") return "boolean";
  if (typeof sample === "number") return Number.isInteger(sample) ? "integer" : "number";
  if (Array.isArray(sample) || "items" in node) return "array";
  if ("properties" in node || (typeof sample === "object" && sample !== null)) return "object";
  if (Object.keys(propertiesOf(node)).length > 0) return "object";
  // Nothing says otherwise: a text box accepts anything a person can type.
  return "string";
}

function coerceEnum(values: readonly unknown[], type: PrimitiveType): unknown[] {
  const coerced = values
    .filter((value) => value !== null)
    .map((value) => coerceValue(value, type))
    .filter((value) => value !== NOT_COERCIBLE);
  return [...new Set(coerced)];
}

function coerceDefault(node: JsonSchema, type: PrimitiveType): unknown {
  const raw = node.default;
  if (raw === undefined || raw === null) return undefined;
  let value = coerceValue(raw, type);
  if (value === NOT_COERCIBLE) return undefined;
  if (Array.isArray(node.enum)) {
    value = matchEnumValue(value, node.enum);
    if (value === NOT_COERCIBLE) return undefined;
  }
  // An empty default on a URL or a choice is "nothing chosen", and would fail validation as a value.
  if (value === "" && (node.format !== undefined || Array.isArray(node.enum))) return undefined;
  return value;
}

export function normalizeField(node: JsonSchema): JsonSchema {
  const type = inferType(node);
  const out: JsonSchema = { ...node, type };
  for (const keyword of NUMERIC_KEYWORDS) {
    if (!(keyword in out)) continue;
    const value = numberOf(out[keyword]);
    if (value === undefined) delete out[keyword];
    else out[keyword] = value;
  }
  if (Array.isArray(out.enum)) {
    const values = coerceEnum(out.enum, type);
    if (values.length > 0) out.enum = values;
    else delete out.enum;
  }
  const value = coerceDefault(out, type);
  if (value === undefined) delete out.default;
  else out.default = value;
  return out;
}
