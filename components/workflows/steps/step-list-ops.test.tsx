import { describe, expect, it } from "vitest";
import { validateDefinition } from "@/lib/shared/workflow-validate";
import {
  allSteps,
  stepIdOf,
  STEP_TYPES,
  type WorkflowDefinition,
} from "@/lib/shared/workflow-types";
import { formatDefinition, parseDefinitionJson } from "../editor/definition-json";
import {
  addBranch,
  addStep,
  moveStep,
  removeBranch,
  removeStep,
  renameStep,
  renameStepEverywhere,
  updateStep,
} from "./step-list-ops";
import { stepsAt, type ListPath } from "./step-path";

const base = (): WorkflowDefinition => ({
  version: "v1",
  input_schema: {
    type: "object",
    properties: { prompt: { type: "string" } },
    required: ["prompt"],
  },
  steps: [
    {
      step_id: "generate",
      type: "model",
      model: "flux-2-pro",
      params: { prompt: "{{inputs.prompt}}" },
    },
    {
      id: "fan",
      type: "parallel",
      branches: [
        { name: "A", steps: [{ id: "fan_a", type: "pass", result: { x: 1 } }] },
        { name: "B", steps: [{ id: "fan_b", type: "pass", result: {} }] },
      ],
    },
    {
      id: "pick",
      type: "choice",
      condition: { expression: "$.generate.primary", operator: "exists" },
      condition_met_branch: { name: "condition_met", steps: [] },
      default_branch: { name: "default", steps: [] },
    },
  ],
});

const ids = (definition: WorkflowDefinition) => allSteps(definition).map(stepIdOf);
const unique = (list: string[]) => new Set(list).size === list.length;
/** What the JSON view shows reads back as the same definition the list holds. */
const inSync = (definition: WorkflowDefinition) => {
  const parsed = parseDefinitionJson(formatDefinition(definition));
  expect(parsed.ok && parsed.definition).toEqual(definition);
};

const branchA: ListPath = [{ step: 1, branch: { kind: "parallel", index: 0 } }];
const met: ListPath = [{ step: 2, branch: { kind: "condition_met" } }];

describe("step list operations", () => {
  it("adds a step of every type at the top level with unique ids and a valid definition", () => {
    let definition = base();
    for (const type of STEP_TYPES) definition = addStep(definition, [], type).definition;
    for (const type of STEP_TYPES) definition = addStep(definition, [], type).definition;
    expect(unique(ids(definition))).toBe(true);
    expect(
      stepsAt(definition, [])
        .map((s) => s.type)
        .slice(3),
    ).toEqual([...STEP_TYPES, ...STEP_TYPES]);
    // Only the new model steps lack something: the model the person still has to pick.
    const problems = validateDefinition(definition).map((p) => p.message);
    expect(problems).toEqual([
      'Step "generate_2": model steps need a "model" (a model slug).',
      'Step "generate_3": model steps need a "model" (a model slug).',
    ]);
    inSync(definition);
  });

  it("adds inside a parallel branch and a choice branch without reusing any id", () => {
    let definition = base();
    definition = addStep(definition, branchA, "pass").definition;
    definition = addStep(definition, branchA, "pass").definition;
    const added = addStep(definition, met, "choice");
    definition = added.definition;
    const nested: ListPath = [...met, { step: 0, branch: { kind: "default" } }];
    definition = addStep(definition, nested, "parallel").definition;
    expect(stepsAt(definition, branchA).map(stepIdOf)).toEqual(["fan_a", "config", "config_2"]);
    expect(stepsAt(definition, met).map(stepIdOf)).toEqual([added.id]);
    expect(stepsAt(definition, nested)).toHaveLength(1);
    expect(unique(ids(definition))).toBe(true);
    expect(validateDefinition(definition)).toEqual([]);
    inSync(definition);
  });

  it("starts a new choice's condition on the step just before it", () => {
    const { definition, id } = addStep(base(), [], "choice");
    const step = stepsAt(definition, []).find((s) => stepIdOf(s) === id);
    expect(step?.condition).toEqual({ expression: "$.pick.primary", operator: "exists" });
  });

  it("moves steps up and down inside a branch, and ignores moves past either end", () => {
    let definition = addStep(
      addStep(base(), branchA, "pass").definition,
      branchA,
      "http",
    ).definition;
    expect(stepsAt(definition, branchA).map(stepIdOf)).toEqual(["fan_a", "config", "request"]);
    definition = moveStep(definition, branchA, 2, -1);
    expect(stepsAt(definition, branchA).map(stepIdOf)).toEqual(["fan_a", "request", "config"]);
    definition = moveStep(definition, branchA, 0, 1);
    expect(stepsAt(definition, branchA).map(stepIdOf)).toEqual(["request", "fan_a", "config"]);
    expect(moveStep(definition, branchA, 0, -1)).toBe(definition);
    expect(moveStep(definition, branchA, 2, 1)).toBe(definition);
    // The other branch and the top level are untouched.
    expect(
      stepsAt(definition, [{ step: 1, branch: { kind: "parallel", index: 1 } }]).map(stepIdOf),
    ).toEqual(["fan_b"]);
    expect(stepsAt(definition, []).map(stepIdOf)).toEqual(["generate", "fan", "pick"]);
    inSync(definition);
  });

  it("moves top-level steps, and validation then names the step that reads a later one", () => {
    const definition = moveStep(base(), [], 0, 1);
    expect(stepsAt(definition, []).map(stepIdOf)).toEqual(["fan", "generate", "pick"]);
    expect(validateDefinition(moveStep(definition, [], 2, -1)).map((p) => p.stepId)).toEqual([
      "pick",
    ]);
  });

  it("removes a step from a branch; ids freed by removal may be used again", () => {
    let definition = addStep(base(), met, "pass").definition;
    expect(stepsAt(definition, met).map(stepIdOf)).toEqual(["config"]);
    definition = removeStep(definition, met, 0);
    expect(stepsAt(definition, met)).toEqual([]);
    definition = addStep(definition, met, "pass").definition;
    expect(stepsAt(definition, met).map(stepIdOf)).toEqual(["config"]);
    definition = removeStep(definition, [], 1);
    expect(ids(definition)).toEqual(["generate", "pick", "config"]);
    inSync(definition);
  });

  it("adds and removes parallel branches, each new one starting with a unique pass step", () => {
    let definition = addBranch(base(), [], 1);
    const branches = stepsAt(definition, [])[1]?.branches ?? [];
    expect(branches.map((b) => b.name)).toEqual(["A", "B", "Branch 3"]);
    expect(branches[2]?.steps.map(stepIdOf)).toEqual(["fan_branch_2"]);
    definition = removeBranch(definition, [], 1, 0);
    expect(stepsAt(definition, [])[1]?.branches?.map((b) => b.name)).toEqual(["B", "Branch 3"]);
    expect(unique(ids(definition))).toBe(true);
    inSync(definition);
  });

  it("renames under the key the step already uses, and edits a nested step in place", () => {
    let definition = updateStep(base(), [], 0, (s) => renameStep(s, "gen"));
    expect(stepsAt(definition, [])[0]).toMatchObject({ step_id: "gen" });
    expect(stepsAt(definition, [])[0]).not.toHaveProperty("id");
    definition = updateStep(definition, branchA, 0, (s) => renameStep(s, "first"));
    expect(stepsAt(definition, branchA)[0]).toMatchObject({ id: "first", result: { x: 1 } });
    definition = updateStep(definition, branchA, 0, (s) => renameStep(s, "fan_b"));
    expect(validateDefinition(definition).map((p) => p.message)).toContain(
      'Step "fan_b": duplicate step id.',
    );
  });
  it("renaming a step points every reference to it at the new id, and no other", () => {
    const start = base();
    const fanA = stepsAt(start, branchA)[0]!;
    Object.assign(fanA, {
      result: {
        image: "{{ generate.primary }}",
        caption: "made by {{generate.output.model}} from {{inputs.prompt}}",
        list: ["{{generated.primary}}", "{{generate}}"],
      },
    });
    start.output_mapping = { image: "$.generate.primary", other: "$.fan_a.image" };
    const renamed = renameStepEverywhere(start, [], 0, "make_image");
    expect(stepsAt(renamed, [])[0]).toMatchObject({ step_id: "make_image" });
    expect(stepsAt(renamed, branchA)[0]).toMatchObject({
      result: {
        image: "{{ make_image.primary }}",
        caption: "made by {{make_image.output.model}} from {{inputs.prompt}}",
        list: ["{{generated.primary}}", "{{make_image}}"],
      },
    });
    expect(stepsAt(renamed, [])[2]).toMatchObject({
      condition: { expression: "$.make_image.primary" },
    });
    expect(renamed.output_mapping).toEqual({
      image: "$.make_image.primary",
      other: "$.fan_a.image",
    });
    // Only the reference that never named the step is still (and was already) unknown.
    expect(validateDefinition(renamed).map((p) => p.message)).toEqual([
      'Step "fan_a": references unknown step "generated".',
    ]);
    inSync(renamed);
  });

  it("leaves references alone when the new id is empty or another step's", () => {
    const emptied = renameStepEverywhere(base(), [], 0, "");
    expect(stepsAt(emptied, [])[2]).toMatchObject({
      condition: { expression: "$.generate.primary" },
    });
    const clash = renameStepEverywhere(base(), [], 0, "pick");
    expect(stepsAt(clash, [])[2]).toMatchObject({
      condition: { expression: "$.generate.primary" },
    });
    expect(validateDefinition(clash).map((p) => p.message)).toContain(
      'Step "pick": duplicate step id.',
    );
  });
});
