import { describe, expect, it } from "vitest";
import type { ExecutionAssetView } from "@/lib/shared/workflow-api";
import { assetForUrl, mediaSlots } from "./execution-media";

const asset = (stepId: string, position: number): ExecutionAssetView => ({
  id: `${stepId}-${position}`,
  stepId,
  position,
  kind: "image",
  contentType: "image/png",
  url: `/api/assets/${stepId}-${position}/file`,
  thumbUrl: null,
});

const execution = {
  definition: {
    steps: [
      { id: "config", type: "pass", result: { url: "https://up.test/not-media.png" } },
      { id: "gen", type: "model", model: "flux-2-pro" },
      { id: "up", type: "model", model: "topaz-upscale-image" },
      { id: "late", type: "model", model: "flux-2-pro" },
    ],
  },
  stepOutputs: {
    config: { status: "completed", output: { url: "https://up.test/not-media.png" } },
    gen: { status: "completed", output: ["https://up.test/a.png", "https://up.test/b.png"] },
    // The same file twice is kept once, under the first step that made it.
    up: { status: "completed", output: ["https://up.test/b.png", "https://up.test/c.png"] },
    late: { status: "failed", output: "https://up.test/never.png" },
  },
  output: ["https://up.test/c.png", "https://up.test/extra.png"],
  assets: [asset("gen", 0), asset("gen", 1), asset("up", 0), asset("output", 0)],
};

describe("which stored copy belongs to which output", () => {
  it("files each URL once, model steps first in definition order, then the final output", () => {
    expect([...mediaSlots(execution)]).toEqual([
      ["https://up.test/a.png", { stepId: "gen", position: 0 }],
      ["https://up.test/b.png", { stepId: "gen", position: 1 }],
      ["https://up.test/c.png", { stepId: "up", position: 0 }],
      ["https://up.test/extra.png", { stepId: "output", position: 0 }],
    ]);
  });

  it("finds our copy for an upstream URL, and nothing for a URL not saved", () => {
    const slots = mediaSlots(execution);
    expect(assetForUrl(execution, slots, "https://up.test/c.png")?.url).toBe(
      "/api/assets/up-0/file",
    );
    expect(assetForUrl(execution, slots, "https://up.test/extra.png")?.id).toBe("output-0");
    expect(assetForUrl(execution, slots, "https://up.test/never.png")).toBeNull();
    expect(assetForUrl({ ...execution, assets: [] }, slots, "https://up.test/a.png")).toBeNull();
  });
});
