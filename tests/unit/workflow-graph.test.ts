import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { graphLayout } from "@/lib/shared/workflow-graph";

const examples = path.resolve(import.meta.dirname, "../../lib/workflows/examples");
const load = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(examples, name), "utf8")).definition;
const options = { nodeWidth: 100, nodeHeight: 40, gapX: 20, gapY: 30 };

const edges = (layout: ReturnType<typeof graphLayout>) =>
  layout.edges.map((e) => `${e.from}->${e.to}${e.label ? ` (${e.label})` : ""}`);

describe("the read-only graph", () => {
  it("a chain is one column from Inputs to Output", () => {
    const layout = graphLayout(load("image-enhancement-pipeline.json"), options);
    expect(layout.nodes.map((n) => [n.id, n.x, n.y])).toEqual([
      ["__inputs", 0, 0],
      ["generate", 0, 70],
      ["upscale", 0, 140],
      ["__output", 0, 210],
    ]);
    expect(layout.nodes[1]).toMatchObject({ kind: "step", type: "model", detail: "flux-2-pro" });
    expect(edges(layout)).toEqual(["__inputs->generate", "generate->upscale", "upscale->__output"]);
    expect([layout.width, layout.height]).toEqual([100, 250]);
  });

  it("parallel branches stand side by side under their step and all lead on", () => {
    const layout = graphLayout(load("parallel-video-and-edit.json"), options);
    const at = Object.fromEntries(layout.nodes.map((n) => [n.id, [n.x, n.y, n.depth]]));
    expect(at).toEqual({
      __inputs: [60, 0, 0],
      step1: [60, 70, 0],
      step1_branch_0: [0, 140, 1],
      step1_branch_1: [120, 140, 1],
      __output: [60, 210, 0],
    });
    expect(edges(layout)).toEqual([
      "__inputs->step1",
      "step1->step1_branch_0 (Video Generation)",
      "step1->step1_branch_1 (Image Edit)",
      "step1_branch_0->__output",
      "step1_branch_1->__output",
    ]);
    expect(layout.width).toBe(220);
  });

  it("a choice labels its branches and joins them into the next step", () => {
    const definition = load("choice-upscale-by-type.json");
    definition.steps.push({ id: "after", type: "pass" });
    const layout = graphLayout(definition, options);
    expect(edges(layout)).toEqual([
      "__inputs->step1",
      "step1->step2",
      "step2->step2_branch_0 (condition_met)",
      "step2->step2_default (default)",
      "step2_branch_0->after",
      "step2_default->after",
      "after->__output",
    ]);
    expect(layout.edges.find((e) => e.to === "step2_default")?.branchKind).toBe("default");
  });

  it("a choice with one branch may also skip it", () => {
    const layout = graphLayout(
      {
        steps: [
          {
            id: "c",
            type: "choice",
            condition: { expression: "$.inputs.x", operator: "exists" },
            condition_met_branch: { name: "yes", steps: [{ id: "y", type: "pass" }] },
          },
        ],
      },
      options,
    );
    expect(edges(layout)).toEqual(["__inputs->c", "c->y (yes)", "y->__output", "c->__output"]);
  });

  it("an empty or broken definition still draws Inputs → Output", () => {
    expect(edges(graphLayout(null, options))).toEqual(["__inputs->__output"]);
    const layout = graphLayout({ steps: [{ type: "pass" }, { type: "pass" }] }, options);
    expect(layout.nodes.map((n) => n.id)).toEqual(["__inputs", "#0", "#1", "__output"]);
  });
});
