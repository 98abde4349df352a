import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateDefinition } from "@/lib/shared/workflow-validate";
import { workflowDefinitionSchema } from "@/lib/shared/workflow-types";

const root = path.resolve(import.meta.dirname, "../..");
const examplesDir = path.join(root, "lib/workflows/examples");
const fixturesDir = path.join(root, "simulator/fixtures/workflows");
const exampleFiles = fs.readdirSync(examplesDir).filter((name) => name.endsWith(".json"));

function example(name: string) {
  return JSON.parse(fs.readFileSync(path.join(examplesDir, name), "utf8")) as {
    definition: Record<string, unknown>;
  };
}

const model = (id: string, params: Record<string, unknown> = {}) => ({
  id,
  type: "model",
  model: "flux-2-pro",
  params,
});

describe("the four example definitions", () => {
  it.each(exampleFiles)("%s validates clean and parses with the lenient schema", (name) => {
    const { definition } = example(name);
    expect(validateDefinition(definition)).toEqual([]);
    expect(workflowDefinitionSchema.safeParse(definition).success).toBe(true);
  });

  it("are the simulator's fixtures, copied as data", () => {
    expect(exampleFiles.sort()).toEqual(
      fs
        .readdirSync(fixturesDir)
        .filter((n) => n.endsWith(".json"))
        .sort(),
    );
    for (const name of exampleFiles)
      expect(example(name)).toEqual(
        JSON.parse(fs.readFileSync(path.join(fixturesDir, name), "utf8")),
      );
  });
});

describe("every kind of problem names its step", () => {
  const cases: { name: string; steps: unknown[]; stepId: string; says: RegExp }[] = [
    {
      name: "an unknown step type",
      steps: [{ id: "shell", type: "bash", code: "ls" }],
      stepId: "shell",
      says: /Step "shell": unknown step type "bash"/,
    },
    {
      name: "a model step without a model",
      steps: [{ id: "gen", type: "model", params: {} }],
      stepId: "gen",
      says: /Step "gen": model steps need a "model"/,
    },
    {
      name: "a duplicate id, also across branches",
      steps: [
        model("gen"),
        { id: "p", type: "parallel", branches: [{ name: "a", steps: [model("gen")] }] },
      ],
      stepId: "gen",
      says: /Step "gen": duplicate step id/,
    },
    {
      name: "a dangling template",
      steps: [model("gen"), model("upscale", { image_url: "{{genx.primary}}" })],
      stepId: "upscale",
      says: /Step "upscale": references unknown step "genx"/,
    },
    {
      name: "a dangling $. expression in a condition",
      steps: [
        model("gen"),
        {
          id: "pick",
          type: "choice",
          condition: { expression: "$.nothing.primary", operator: "exists" },
          default_branch: { steps: [{ id: "p", type: "pass" }] },
        },
      ],
      stepId: "pick",
      says: /Step "pick": references unknown step "nothing"/,
    },
    {
      name: "a reference to a later step",
      steps: [model("first", { prompt: "{{second.primary}}" }), model("second")],
      stepId: "first",
      says: /Step "first": references step "second", which runs later/,
    },
    {
      name: "a cycle",
      steps: [model("a", { x: "{{b.primary}}" }), model("b", { x: "{{a.primary}}" })],
      stepId: "a",
      says: /Step "a": dependency cycle a → b → a/,
    },
    {
      name: "a step reading itself",
      steps: [model("self", { x: "{{self.output}}" })],
      stepId: "self",
      says: /Step "self": references itself .*dependency cycle self → self/,
    },
    {
      name: "a sibling branch of a parallel step",
      steps: [
        {
          id: "p",
          type: "parallel",
          branches: [
            { name: "a", steps: [model("left")] },
            { name: "b", steps: [model("right", { x: "{{left.primary}}" })] },
          ],
        },
      ],
      stepId: "right",
      says: /runs concurrently in another branch of parallel step "p"/,
    },
    {
      name: "its own container",
      steps: [
        { id: "p", type: "parallel", branches: [{ steps: [model("in", { x: "{{p.output}}" })] }] },
      ],
      stepId: "in",
      says: /references step "p", which contains it/,
    },
    {
      name: "an unknown condition operator",
      steps: [
        model("gen"),
        {
          id: "pick",
          type: "choice",
          condition: { expression: "$.gen.primary", operator: "looks_like", value: 1 },
          default_branch: { steps: [{ id: "p", type: "pass" }] },
        },
      ],
      stepId: "pick",
      says: /unknown condition operator "looks_like"/,
    },
    {
      name: "a bad retry",
      steps: [{ ...model("gen"), retry: { max_attempts: 50 } }],
      stepId: "gen",
      says: /retry.max_attempts must be a whole number from 1 to 10/,
    },
    {
      name: "an empty parallel step",
      steps: [{ id: "p", type: "parallel", branches: [] }],
      stepId: "p",
      says: /non-empty "branches"/,
    },
  ];

  it.each(cases)("$name", ({ steps, stepId, says }) => {
    const problems = validateDefinition({ steps });
    expect(problems.length).toBeGreaterThan(0);
    const problem = problems.find((p) => p.stepId === stepId);
    expect(problem?.message).toMatch(says);
  });

  it("a step without an id is named by its position", () => {
    const [problem] = validateDefinition({ steps: [model("a"), { type: "pass" }] });
    expect(problem).toEqual({
      stepId: "#2",
      message: 'Step "#2": every step needs a "step_id" (or "id").',
    });
  });

  it("a definition without steps is refused as a whole", () => {
    expect(validateDefinition({ steps: [] })).toEqual([
      { stepId: null, message: "The definition needs at least one step." },
    ]);
    expect(validateDefinition("nope")[0]?.stepId).toBeNull();
  });
});

describe("what is allowed", () => {
  it("inputs, earlier steps, steps inside earlier branches, and earlier steps of the same branch", () => {
    const definition = {
      steps: [
        model("gen", { prompt: "{{inputs.prompt}}" }),
        {
          id: "p",
          type: "parallel",
          branches: [
            {
              steps: [model("a1", { x: "{{gen.primary}}" }), model("a2", { x: "{{a1.primary}}" })],
            },
            { steps: [model("b1", { x: "{{gen.output}}" })] },
          ],
        },
        {
          id: "pick",
          type: "choice",
          condition: {
            and: [
              { expression: "$.a2.primary", operator: "string_matches", value: ".png" },
              { not: { expression: "$.inputs.skip", operator: "exists" } },
            ],
          },
          condition_met_branch: { steps: [model("up", { image_url: "{{b1.primary}}" })] },
          default_branch: { steps: [{ id: "none", type: "pass", result: { x: 1 } }] },
        },
        model("last", { a: "{{up.primary}}", b: "{{none.x}}", c: "A {{inputs.style}} look" }),
      ],
    };
    expect(validateDefinition(definition)).toEqual([]);
  });

  it("steps keyed by step_id and a choice branch's own step_id label", () => {
    expect(
      validateDefinition({
        steps: [
          { step_id: "gen", type: "model", model: "x" },
          {
            step_id: "c",
            type: "choice",
            condition: { expression: "$.gen.primary", operator: "is_not_null" },
            default_branch: { name: "d", step_id: "c", steps: [{ step_id: "d1", type: "pass" }] },
          },
        ],
      }),
    ).toEqual([]);
  });
});
