// Real catalog schemas write defaults as strings ("1", "0.5", "False"), and form widgets hand
// back strings too. These turn a value into the declared type, or say it cannot be done.
import type { PrimitiveType } from "./schema-access";

const TRUE_WORDS = new Set(["true", "1", "yes", "on"]);
const FALSE_WORDS = new Set(["false", "0", "no", "off"]);

/** Marks "this value cannot be read as that type": distinct from a legitimate `undefined`. */
export const NOT_COERCIBLE: unique symbol = Symbol("not coercible");
export type Coerced = unknown | typeof NOT_COERCIBLE;

function toNumber(value: unknown): number | typeof NOT_COERCIBLE {
  if (typeof value === "number") return Number.isFinite(value) ? value : NOT_COERCIBLE;
  if (typeof value === "string" && value.trim() !== "") {
    const parsed = Number(value.trim());
    return Number.isFinite(parsed) ? parsed : NOT_COERCIBLE;
  }
  if (typeof value === "boolean") return value ? 1 : 0;
  return NOT_COERCIBLE;
}

function toBoolean(value: unknown): boolean | typeof NOT_COERCIBLE {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : NOT_COERCIBLE;
  if (typeof value === "string") {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  return NOT_COERCIBLE;
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return NOT_COERCIBLE;
  }
}

/** `value` read as `type`; NOT_COERCIBLE when it makes no sense ("abc" as an integer). */
export function coerceValue(value: unknown, type: PrimitiveType | undefined): Coerced {
  if (value === undefined) return undefined;
  switch (type) {
    case "integer": {
      const n = toNumber(value);
      return n === NOT_COERCIBLE || !Number.isInteger(n) ? NOT_COERCIBLE : n;
    }
    case "number":
      return toNumber(value);
    case "boolean":
      return toBoolean(value);
    case "string":
      if (typeof value === "string") return value;
      return typeof value === "number" || typeof value === "boolean"
        ? String(value)
        : NOT_COERCIBLE;
    case "array": {
      const parsed = typeof value === "string" ? parseJson(value) : value;
      return Array.isArray(parsed) ? parsed : NOT_COERCIBLE;
    }
    case "object": {
      const parsed = typeof value === "string" ? parseJson(value) : value;
      return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
        ? parsed
        : NOT_COERCIBLE;
    }
    case "null":
      return value === null ? null : NOT_COERCIBLE;
    default:
      return value;
  }
}

/** Picks the enum member a value means: `"2"` matches `2`, `"false"` matches `false`. */
export function matchEnumValue(value: unknown, options: readonly unknown[]): Coerced {
  if (options.some((option) => option === value)) return value;
  const text = String(value).trim().toLowerCase();
  const match = options.find((option) => String(option).trim().toLowerCase() === text);
  return match === undefined ? NOT_COERCIBLE : match;
}
