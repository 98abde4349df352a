import { describe, expect, it } from "vitest";
import type { WorkflowDefinition } from "@/lib/shared/workflow-types";
import { canonicalJson, orderDefinition } from "./definition-order";

describe("definition key order", () => {
  const stored = {
    steps: [
      {
        type: "choice",
        condition: { operator: "exists", expression: "$.inputs.x" },
        default_branch: { steps: [{ type: "pass", id: "b" }], name: "default" },
        id: "a",
      },
    ],
    version: "v1",
    extra: true,
  } as unknown as WorkflowDefinition;

  it("puts keys in reading order at every level and keeps unknown ones", () => {
    const ordered = orderDefinition(stored);
    expect(Object.keys(ordered)).toEqual(["version", "steps", "extra"]);
    const step = ordered.steps[0]!;
    expect(Object.keys(step)).toEqual(["id", "type", "condition", "default_branch"]);
    expect(Object.keys(step.default_branch!)).toEqual(["name", "steps"]);
    expect(Object.keys(step.default_branch!.steps[0]!)).toEqual(["id", "type"]);
    expect(canonicalJson(ordered)).toBe(canonicalJson(stored));
  });

  it("compares regardless of key order, but not of list order", () => {
    expect(canonicalJson({ a: 1, b: [1, 2] })).toBe(canonicalJson({ b: [1, 2], a: 1 }));
    expect(canonicalJson({ b: [2, 1] })).not.toBe(canonicalJson({ b: [1, 2] }));
  });
});
