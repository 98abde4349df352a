import { describe, expect, it } from "vitest";
import { validateDefinition } from "@/lib/shared/workflow-validate";
import {
  CONDITION_OPERATORS,
  type Condition,
  type ConditionLeaf,
} from "@/lib/shared/workflow-types";
import {
  formatConditionValue,
  groupWith,
  parseConditionValue,
  shapeOf,
  switchGroup,
  toggleNot,
  withOperator,
  withParts,
  withValueText,
} from "./condition-values";

/** The condition inside a definition each::workflows would check. */
function accepted(condition: Condition): boolean {
  const problems = validateDefinition({
    input_schema: { type: "object", properties: { n: { type: "number" } } },
    steps: [
      { id: "first", type: "pass", result: { n: 1 } },
      {
        id: "pick",
        type: "choice",
        condition,
        condition_met_branch: { steps: [] },
        default_branch: { steps: [] },
      },
    ],
  });
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join("\n"));
  return true;
}

const leaf = (operator: string, text: string): ConditionLeaf =>
  withValueText({ expression: "$.first.primary", operator }, text);

describe("condition values by operator", () => {
  const cases: [string, string, unknown][] = [
    ["equals", "true", true],
    ["equals", "42", 42],
    ["equals", "hello", "hello"],
    ["equals", '"42"', "42"],
    ["not_equals", "null", null],
    ["not_equals", '{"a":1}', { a: 1 }],
    ["greater_than", "2.5", 2.5],
    ["less_than", "-3", -3],
    ["greater_than_or_equal", "10", 10],
    ["less_than_or_equal", "{{inputs.n}}", "{{inputs.n}}"],
    ["string_equals", "42", "42"],
    ["string_matches", ".png", ".png"],
    ["in", "png, jpg, 3", ["png", "jpg", 3]],
    ["in", '["a,b", "c"]', ["a,b", "c"]],
    ["not_in", "", []],
    ["not_in", "x", ["x"]],
  ];

  it.each(cases)("%s reads %j as %j and writes it back the same", (operator, text, value) => {
    const made = leaf(operator, text);
    expect(made).toEqual({ expression: "$.first.primary", operator, value });
    expect(parseConditionValue(formatConditionValue(value, operator), operator)).toEqual(value);
    expect(accepted(made)).toBe(true);
  });

  it.each(["exists", "not_exists", "is_null", "is_not_null"])(
    "%s takes no value, and switching to it drops the value",
    (operator) => {
      expect(leaf(operator, "anything")).toEqual({ expression: "$.first.primary", operator });
      const switched = withOperator(leaf("equals", "5"), operator);
      expect(switched).toEqual({ expression: "$.first.primary", operator });
      expect(accepted(switched)).toBe(true);
    },
  );

  it("every operator round-trips through the builder and is accepted", () => {
    for (const operator of CONDITION_OPERATORS) {
      const made = withOperator(
        { expression: "$.inputs.n", operator: "equals", value: 3 },
        operator,
      );
      expect(made.operator).toBe(operator);
      expect(accepted(made)).toBe(true);
      const text = formatConditionValue(made.value, operator);
      expect(withValueText(made, text)).toEqual(made);
    }
  });

  it("keeps a value's meaning when the operator changes", () => {
    expect(withOperator(leaf("equals", "5"), "greater_than").value).toBe(5);
    expect(withOperator(leaf("string_equals", "5"), "equals").value).toBe(5);
    expect(withOperator(leaf("equals", "png"), "in").value).toEqual(["png"]);
    expect(withOperator(leaf("exists", ""), "equals").value).toBe("");
  });

  it("writes strings that look like other types quoted, so they stay strings", () => {
    expect(formatConditionValue("true", "equals")).toBe('"true"');
    expect(formatConditionValue("5", "in")).toBe('"5"');
    expect(formatConditionValue(["5"], "in")).toBe('["5"]');
    expect(formatConditionValue("true", "string_equals")).toBe("true");
  });
});

describe("and / or / not", () => {
  const a = leaf("string_matches", ".png");
  const b: ConditionLeaf = { expression: "$.inputs.n", operator: "greater_than", value: 2 };

  it("groups a leaf with a new one under and, or switches the group to or", () => {
    const grouped = groupWith(a, "and", "$.inputs.n");
    expect(grouped).toEqual({
      and: [a, { expression: "$.inputs.n", operator: "equals", value: "" }],
    });
    expect(accepted(grouped)).toBe(true);
    const either = switchGroup(grouped, "or");
    expect(either).toEqual({
      or: [a, { expression: "$.inputs.n", operator: "equals", value: "" }],
    });
    expect(accepted(either)).toBe(true);
  });

  it("negates and un-negates", () => {
    const negated = toggleNot(withParts("or", [a, b]));
    expect(negated).toEqual({ not: { or: [a, b] } });
    expect(accepted(negated)).toBe(true);
    expect(toggleNot(negated)).toEqual({ or: [a, b] });
  });

  it("nests groups: (a and not b) or b", () => {
    const nested = withParts("or", [withParts("and", [a, toggleNot(b)]), b]);
    expect(nested).toEqual({ or: [{ and: [a, { not: b }] }, b] });
    expect(accepted(nested)).toBe(true);
    expect(shapeOf(nested)).toEqual({ kind: "or", parts: [{ and: [a, { not: b }] }, b] });
  });

  it("reads an unknown shape as an empty leaf rather than failing", () => {
    expect(shapeOf(null)).toEqual({ kind: "leaf", leaf: { expression: "", operator: "exists" } });
  });
});
