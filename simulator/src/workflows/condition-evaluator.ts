import { isPlainObject } from "../http/read-body.js";
import { parseExpression } from "./references.js";
import { lookup, resolveTemplates, type ResolveScope } from "./template-resolver.js";
import type { Condition, SimpleCondition } from "./types.js";

export const OPERATORS = [
  "equals",
  "not_equals",
  "greater_than",
  "less_than",
  "greater_than_or_equal",
  "less_than_or_equal",
  "string_equals",
  "string_matches",
  "in",
  "not_in",
  "exists",
  "not_exists",
  "is_null",
  "is_not_null",
] as const;
export type Operator = (typeof OPERATORS)[number];

/** Operators that test the expression alone (no `value`). */
export const VALUELESS_OPERATORS: ReadonlySet<string> = new Set([
  "exists",
  "not_exists",
  "is_null",
  "is_not_null",
]);

export function isOperator(name: unknown): name is Operator {
  return typeof name === "string" && (OPERATORS as readonly string[]).includes(name);
}

/**
 * Evaluates a choice condition: `{expression, operator, value}`, `{and: [...]}`
 * (all true; an empty list is true), `{or: [...]}` (any true; empty is false),
 * `{not: condition}`, nested freely. An expression `$.x.y` reads the inputs or
 * a step (missing → undefined); any other expression is a literal. A string
 * `value` may carry `{{...}}` templates.
 */
export function evaluateCondition(condition: Condition, scope: ResolveScope): boolean {
  if ("and" in condition) return condition.and.every((part) => evaluateCondition(part, scope));
  if ("or" in condition) return condition.or.some((part) => evaluateCondition(part, scope));
  if ("not" in condition) return !evaluateCondition(condition.not, scope);
  return evaluateSimple(condition, scope);
}

function evaluateSimple(condition: SimpleCondition, scope: ResolveScope): boolean {
  const reference = parseExpression(condition.expression);
  const actual = reference === null ? condition.expression : lookup(reference, scope, false);
  const expected =
    condition.value === undefined ? undefined : resolveTemplates(condition.value, scope);
  return applyOperator(condition.operator, actual, expected);
}

/** One operator on an actual value (from the expression) and the expected `value`. */
export function applyOperator(operator: string, actual: unknown, expected: unknown): boolean {
  switch (operator) {
    case "equals":
      return looselyEqual(actual, expected);
    case "not_equals":
      return !looselyEqual(actual, expected);
    case "greater_than":
      return compareNumbers(actual, expected, (a, b) => a > b);
    case "less_than":
      return compareNumbers(actual, expected, (a, b) => a < b);
    case "greater_than_or_equal":
      return compareNumbers(actual, expected, (a, b) => a >= b);
    case "less_than_or_equal":
      return compareNumbers(actual, expected, (a, b) => a <= b);
    case "string_equals":
      return isScalar(actual) && isScalar(expected) && String(actual) === String(expected);
    case "string_matches":
      return stringMatches(actual, expected);
    case "in":
      return listOf(expected).some((item) => looselyEqual(actual, item));
    case "not_in":
      return !listOf(expected).some((item) => looselyEqual(actual, item));
    case "exists":
      return actual !== undefined;
    case "not_exists":
      return actual === undefined;
    case "is_null":
      return actual === null || actual === undefined;
    case "is_not_null":
      return actual !== null && actual !== undefined;
    default:
      throw new Error(`unknown condition operator "${operator}"`);
  }
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function asBoolean(value: unknown): boolean | null {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value.trim()))
    return value.trim().toLowerCase() === "true";
  return null;
}

function asNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" && value.trim() !== "") {
    const number = Number(value.trim());
    return Number.isFinite(number) ? number : null;
  }
  return null;
}

/**
 * `equals` detects the type, as the platform documents: booleans compare as
 * booleans (`"true"` = true), numbers as numbers (`"5"` = 5), other scalars
 * as text; lists and objects compare deeply; missing equals null.
 */
export function looselyEqual(a: unknown, b: unknown): boolean {
  const left = a === undefined ? null : a;
  const right = b === undefined ? null : b;
  if (left === null || right === null) return left === right;
  if (typeof left === "boolean" || typeof right === "boolean") {
    const x = asBoolean(left);
    const y = asBoolean(right);
    return x !== null && x === y;
  }
  if (typeof left === "number" || typeof right === "number") {
    const x = asNumber(left);
    const y = asNumber(right);
    return x !== null && x === y;
  }
  if (isScalar(left) && isScalar(right)) return String(left) === String(right);
  if (Array.isArray(left) && Array.isArray(right))
    return (
      left.length === right.length && left.every((item, index) => looselyEqual(item, right[index]))
    );
  if (isPlainObject(left) && isPlainObject(right)) {
    const keys = Object.keys(left);
    return (
      keys.length === Object.keys(right).length &&
      keys.every((key) => Object.hasOwn(right, key) && looselyEqual(left[key], right[key]))
    );
  }
  return false;
}

/** Numeric comparisons: both sides must read as numbers (`"0.8"` does), else false. */
function compareNumbers(a: unknown, b: unknown, test: (x: number, y: number) => boolean): boolean {
  const x = asNumber(a);
  const y = asNumber(b);
  return x !== null && y !== null && test(x, y);
}

/**
 * `string_matches` ("pattern/contains"): true when the text contains the value;
 * otherwise the value is tried as a regular expression (`"\\.(png|jpg)$"`), and
 * a pattern with `*`/`?` that is not a valid regular expression as a glob over
 * the whole text (`"*.png"`). Case-sensitive.
 */
export function stringMatches(actual: unknown, pattern: unknown): boolean {
  if (!isScalar(actual) || !isScalar(pattern)) return false;
  const text = String(actual);
  const wanted = String(pattern);
  if (text.includes(wanted)) return true;
  try {
    return new RegExp(wanted).test(text);
  } catch {
    if (!/[*?]/.test(wanted)) return false;
    const glob = wanted
      .split("")
      .map((char) =>
        char === "*" ? ".*" : char === "?" ? "." : char.replace(/[.+^${}()|[\]\\]/g, "\\$&"),
      )
      .join("");
    return new RegExp(`^${glob}$`).test(text);
  }
}

/** `in`'s value: a list, or a single value (treated as a one-item list). */
function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined ? [] : [value];
}
