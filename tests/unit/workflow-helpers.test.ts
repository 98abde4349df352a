import { describe, expect, it } from "vitest";
import {
  nextVersionId,
  normalizeExecutionStatus,
  stepOutputsById,
} from "@/lib/shared/workflow-types";
import { parsePublicUrl, paths } from "@/lib/workflows/paths";
import { mediaOf } from "@/lib/workflows/save-outputs";

describe("workflow helpers", () => {
  it("'save as new version' picks the next free vN", () => {
    expect(nextVersionId([])).toBe("v1");
    expect(nextVersionId(["v1", "v2"])).toBe("v3");
    expect(nextVersionId(["v1", "v10", "beta"])).toBe("v11");
  });

  it.each([
    ["queued", "queued"],
    ["running", "running"],
    ["completed", "completed"],
    ["succeeded", "completed"],
    ["error", "failed"],
    ["canceled", "cancelled"],
    ["something-new", "running"],
  ])("upstream status %s reads as %s", (upstream, ours) => {
    expect(normalizeExecutionStatus(upstream)).toBe(ours);
  });

  it("step outputs are read keyed or as a list", () => {
    expect(Object.keys(stepOutputsById({ a: { status: "completed" } }))).toEqual(["a"]);
    expect(Object.keys(stepOutputsById([{ step_id: "b" }, { id: "c" }, "junk"]))).toEqual([
      "b",
      "c",
    ]);
  });

  it("keeps every path in both families, the trigger's version in the official path", () => {
    expect(paths.trigger("wf 1", "v2")).toMatchObject({
      reference: "/wf%201/trigger",
      official: "/workflows/trigger/wf%201/v2",
    });
    expect(paths.getExecution("x")).toMatchObject({
      reference: "/executions/x",
      official: "/workflows/executions/x",
    });
    expect(paths.publicVersion("@sim-abc", "my-flow", "v1").reference).toBe(
      "/public/@sim-abc/workflows/my-flow/versions/v1",
    );
    expect(parsePublicUrl("http://h/v1/public/@sim-abc/workflows/my-flow/versions/v1")).toEqual({
      nickname: "sim-abc",
      slug: "my-flow",
      versionId: "v1",
    });
  });
});

describe("which outputs become gallery assets", () => {
  const definition = {
    steps: [
      { step_id: "generate", type: "model", model: "flux-2-pro", params: { prompt: "x" } },
      { id: "transform", type: "python", code: "result = 1" },
      { step_id: "upscale", type: "model", model: "topaz-upscale-image" },
    ],
  };

  it("every completed model step's URLs, once each, and final-output URLs no step reported", () => {
    const media = mediaOf({
      definition,
      inputs: { prompt: "a lighthouse" },
      stepOutputs: {
        generate: {
          kind: "model",
          status: "completed",
          output: ["https://cdn/a.png", "https://cdn/b.png"],
          metadata: {
            model: "flux-2-max",
            params: { prompt: "a lighthouse, resolved" },
            cost: 0.05,
          },
        },
        transform: { kind: "python", status: "completed", output: "https://not-media/x" },
        upscale: { kind: "model", status: "completed", output: "https://cdn/up.png" },
      },
      output: ["https://cdn/up.png", "https://cdn/extra.png"],
    });
    expect(media).toEqual([
      {
        stepId: "generate",
        position: 0,
        url: "https://cdn/a.png",
        modelSlug: "flux-2-max",
        prompt: "a lighthouse, resolved",
        cost: 0.05,
      },
      expect.objectContaining({ stepId: "generate", position: 1, url: "https://cdn/b.png" }),
      expect.objectContaining({
        stepId: "upscale",
        position: 0,
        url: "https://cdn/up.png",
        modelSlug: "topaz-upscale-image",
        prompt: "a lighthouse",
      }),
      expect.objectContaining({ stepId: "output", position: 0, url: "https://cdn/extra.png" }),
    ]);
  });

  it("a failed step's output is not media", () => {
    expect(
      mediaOf({
        definition,
        inputs: {},
        stepOutputs: { generate: { kind: "model", status: "failed", output: "https://cdn/a.png" } },
        output: null,
      }),
    ).toEqual([]);
  });
});
