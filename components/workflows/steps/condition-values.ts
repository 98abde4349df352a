// A choice condition as the builder edits it: values typed as text and read by operator
// (numbers for comparisons, lists for in/not_in, nothing for existence tests), and the
// and/or/not restructuring its buttons do. Pure; `condition-values.test.tsx` covers every
// operator.
import {
  isRecord,
  VALUELESS_OPERATORS,
  type Condition,
  type ConditionLeaf,
} from "@/lib/shared/workflow-types";

export type ConditionShape =
  | { kind: "and"; parts: Condition[] }
  | { kind: "or"; parts: Condition[] }
  | { kind: "not"; part: Condition }
  | { kind: "leaf"; leaf: ConditionLeaf };

export const OPERATOR_LABELS: Record<string, string> = {
  equals: "equals",
  not_equals: "does not equal",
  greater_than: "is greater than",
  less_than: "is less than",
  greater_than_or_equal: "is at least",
  less_than_or_equal: "is at most",
  string_equals: "text equals",
  string_matches: "text matches (pattern)",
  in: "is one of",
  not_in: "is none of",
  exists: "exists",
  not_exists: "does not exist",
  is_null: "is null",
  is_not_null: "is not null",
};

const NUMERIC = new Set([
  "greater_than",
  "less_than",
  "greater_than_or_equal",
  "less_than_or_equal",
]);
const TEXTUAL = new Set(["string_equals", "string_matches"]);
const LISTS = new Set(["in", "not_in"]);

/** What a condition is, read leniently (an unknown shape reads as an empty leaf). */
export function shapeOf(condition: unknown): ConditionShape {
  if (isRecord(condition)) {
    if (Array.isArray(condition.and)) return { kind: "and", parts: condition.and as Condition[] };
    if (Array.isArray(condition.or)) return { kind: "or", parts: condition.or as Condition[] };
    if (condition.not !== undefined) return { kind: "not", part: condition.not as Condition };
    return { kind: "leaf", leaf: condition as ConditionLeaf };
  }
  return { kind: "leaf", leaf: { expression: "", operator: "exists" } };
}

function parseScalar(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === "true") return true;
  if (trimmed === "false") return false;
  if (trimmed === "null") return null;
  if (trimmed !== "" && Number.isFinite(Number(trimmed))) return Number(trimmed);
  if (/^["[{]/.test(trimmed)) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      // Not JSON after all: the text itself.
    }
  }
  return text;
}

/** The typed value of what was typed in the Value box, for `operator`; undefined = no value. */
export function parseConditionValue(text: string, operator: string): unknown {
  if (VALUELESS_OPERATORS.has(operator)) return undefined;
  if (TEXTUAL.has(operator)) return text;
  if (NUMERIC.has(operator)) {
    const trimmed = text.trim();
    return trimmed !== "" && Number.isFinite(Number(trimmed)) ? Number(trimmed) : text;
  }
  if (LISTS.has(operator)) {
    const trimmed = text.trim();
    if (trimmed.startsWith("[")) {
      try {
        const parsed: unknown = JSON.parse(trimmed);
        if (Array.isArray(parsed)) return parsed;
      } catch {
        // Read it as a comma-separated list below.
      }
    }
    return trimmed === "" ? [] : trimmed.split(",").map((item) => parseScalar(item.trim()));
  }
  return parseScalar(text);
}

/** The text for the Value box that parses back to `value` under `operator`. */
export function formatConditionValue(value: unknown, operator: string): string {
  if (value === undefined) return "";
  if (TEXTUAL.has(operator)) return typeof value === "string" ? value : JSON.stringify(value);
  if (LISTS.has(operator) && Array.isArray(value)) {
    const simple = value.every(
      (item) =>
        typeof item === "number" ||
        typeof item === "boolean" ||
        (typeof item === "string" &&
          !item.includes(",") &&
          item.trim() === item &&
          item !== "" &&
          parseScalar(item) === item),
    );
    return simple ? value.map(String).join(", ") : JSON.stringify(value);
  }
  if (typeof value === "string")
    // A string that would read back as something else ("true", "5") is written quoted.
    return parseConditionValue(value, operator) === value ? value : JSON.stringify(value);
  return JSON.stringify(value);
}

/** The leaf with a new operator: the value dropped for existence tests, kept (retyped) else. */
export function withOperator(leaf: ConditionLeaf, operator: string): ConditionLeaf {
  const { value, ...rest } = leaf;
  if (VALUELESS_OPERATORS.has(operator)) return { ...rest, operator };
  const text = formatConditionValue(value, leaf.operator);
  return { ...rest, operator, value: parseConditionValue(text, operator) };
}

export function withValueText(leaf: ConditionLeaf, text: string): ConditionLeaf {
  const value = parseConditionValue(text, leaf.operator);
  const { value: _old, ...rest } = leaf;
  return value === undefined ? rest : { ...rest, value };
}

export function emptyLeaf(expression: string): ConditionLeaf {
  return { expression, operator: "equals", value: "" };
}

/** "Add AND" / "Add OR" on a leaf: it becomes the first part of a new group. */
export function groupWith(condition: Condition, kind: "and" | "or", expression: string): Condition {
  return kind === "and"
    ? { and: [condition, emptyLeaf(expression)] }
    : { or: [condition, emptyLeaf(expression)] };
}

/** NOT: negates a condition, or takes the negation off. */
export function toggleNot(condition: Condition): Condition {
  const shape = shapeOf(condition);
  return shape.kind === "not" ? shape.part : { not: condition };
}

/** Switches a group between all-of (and) and any-of (or). */
export function switchGroup(condition: Condition, kind: "and" | "or"): Condition {
  const shape = shapeOf(condition);
  if (shape.kind !== "and" && shape.kind !== "or") return condition;
  return kind === "and" ? { and: shape.parts } : { or: shape.parts };
}

export function withParts(kind: "and" | "or", parts: Condition[]): Condition {
  return kind === "and" ? { and: parts } : { or: parts };
}
