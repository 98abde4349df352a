import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { referenceOptions } from "@/lib/shared/workflow-reference-options";

const examples = path.resolve(import.meta.dirname, "../../lib/workflows/examples");
const load = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(examples, name), "utf8")).definition;

const values = (options: { value: string }[]) => options.map((option) => option.value);

describe("the editor's reference menu", () => {
  it("offers the inputs and every earlier step, never the step itself or later ones", () => {
    const definition = load("image-enhancement-pipeline.json");
    expect(values(referenceOptions(definition, "generate"))).toEqual(["{{inputs.prompt}}"]);
    const atUpscale = referenceOptions(definition, "upscale");
    expect(values(atUpscale)).toEqual([
      "{{inputs.prompt}}",
      "{{generate.primary}}",
      "{{generate.output}}",
    ]);
    expect(atUpscale[1]).toMatchObject({
      expression: "$.generate.primary",
      label: "generate (flux-2-pro): primary result",
      group: "generate",
      kind: "primary",
      stepId: "generate",
    });
  });

  it("inside a branch: earlier steps of that branch, never a sibling branch or the container", () => {
    const definition = {
      input_schema: { properties: { image: { type: "string" } } },
      steps: [
        { id: "gen", type: "model", model: "m" },
        {
          id: "p",
          type: "parallel",
          branches: [
            {
              steps: [
                { id: "a1", type: "model", model: "m" },
                { id: "a2", type: "model", model: "m" },
              ],
            },
            { steps: [{ id: "b1", type: "model", model: "m" }] },
          ],
        },
        { id: "after", type: "model", model: "m" },
      ],
    };
    const groups = (stepId: string | null) => [
      ...new Set(referenceOptions(definition, stepId).map((option) => option.group)),
    ];
    expect(groups("a2")).toEqual(["inputs", "gen", "a1"]);
    expect(groups("b1")).toEqual(["inputs", "gen"]);
    // After the parallel step: every branch step, then the parallel step itself.
    expect(groups("after")).toEqual(["inputs", "gen", "a1", "a2", "b1", "p"]);
    // A step about to be added at the end sees everything.
    expect(groups(null)).toEqual(["inputs", "gen", "a1", "a2", "b1", "p", "after"]);
    expect(groups("no-such-step")).toEqual(["inputs"]);
  });

  it("a pass step's result fields can be read by name", () => {
    const definition = load("fallback-and-transform.json");
    expect(values(referenceOptions(definition, "generate"))).toEqual([
      "{{inputs.name}}",
      "{{inputs.style}}",
      "{{config.primary}}",
      "{{config.output}}",
      "{{config.style}}",
    ]);
  });
});
