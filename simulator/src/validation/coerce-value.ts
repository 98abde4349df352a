import type { JsonSchema } from "../catalog/catalog-model.js";

export type Coerced = { ok: true; value: unknown } | { ok: false };

const TRUE_WORDS = new Set(["true", "yes", "on", "1"]);
const FALSE_WORDS = new Set(["false", "no", "off", "0"]);

/** The scalar type a property expects: its `type`, or the type of its enum values. */
export function expectedType(schema: JsonSchema): string | undefined {
  const type = schema.type;
  if (typeof type === "string") return type;
  if (Array.isArray(type))
    return type.find((entry): entry is string => typeof entry === "string" && entry !== "null");
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    const first: unknown = schema.enum[0];
    if (typeof first === "number") return Number.isInteger(first) ? "integer" : "number";
    return typeof first;
  }
  return undefined;
}

/**
 * Lenient scalar coercion, the way a forgiving platform treats form-encoded
 * values: "2" → 2, "False" → false, 1 → "1". Returns not-ok when the value
 * cannot sensibly become the type, so validation reports it.
 */
export function coerceScalar(value: unknown, type: string | undefined): Coerced {
  switch (type) {
    case "integer":
    case "number": {
      const number =
        typeof value === "string" && value.trim() !== "" ? Number(value.trim()) : value;
      if (typeof number !== "number" || !Number.isFinite(number)) return { ok: false };
      if (type === "integer" && !Number.isInteger(number)) return { ok: false };
      return { ok: true, value: number };
    }
    case "boolean": {
      if (typeof value === "boolean") return { ok: true, value };
      const word = String(value).trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return { ok: true, value: true };
      if (FALSE_WORDS.has(word)) return { ok: true, value: false };
      return { ok: false };
    }
    case "string":
      if (typeof value === "string") return { ok: true, value };
      if (typeof value === "number" || typeof value === "boolean")
        return { ok: true, value: String(value) };
      return { ok: false };
    default:
      return { ok: true, value };
  }
}

/** Finds the enum member a value means: exact, then same text, then same text ignoring case. */
export function matchEnum(value: unknown, members: readonly unknown[]): Coerced {
  if (members.some((member) => member === value)) return { ok: true, value };
  const text = String(value);
  const sameText = members.find((member) => String(member) === text);
  if (sameText !== undefined) return { ok: true, value: sameText };
  const lower = text.toLowerCase();
  const sameWord = members.find((member) => String(member).toLowerCase() === lower);
  return sameWord !== undefined ? { ok: true, value: sameWord } : { ok: false };
}
