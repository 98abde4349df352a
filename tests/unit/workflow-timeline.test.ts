import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stepTimeline } from "@/lib/shared/workflow-timeline";

const examples = path.resolve(import.meta.dirname, "../../lib/workflows/examples");
const load = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(examples, name), "utf8")).definition;

const brief = (entries: ReturnType<typeof stepTimeline>) =>
  entries.map((e) => [e.stepId, e.depth, e.parentId, e.branch?.kind ?? null, e.status]);

describe("the execution page's step list", () => {
  it("parallel branches sit under their step, each with its own status", () => {
    const timeline = stepTimeline(
      load("parallel-video-and-edit.json"),
      {
        step1: { step_id: "step1", kind: "parallel", status: "running" },
        step1_branch_0: { step_id: "step1_branch_0", kind: "model", status: "running" },
        step1_branch_1: {
          step_id: "step1_branch_1",
          kind: "model",
          status: "completed",
          output: "https://cdn.example/edit.png",
          primary: "https://cdn.example/edit.png",
          metadata: { model: "flux-2-edit" },
        },
      },
      "running",
    );
    expect(brief(timeline)).toEqual([
      ["step1", 0, null, null, "running"],
      ["step1_branch_0", 1, "step1", "parallel", "running"],
      ["step1_branch_1", 1, "step1", "parallel", "done"],
    ]);
    expect(timeline[2]).toMatchObject({
      branch: { kind: "parallel", index: 1, name: "Image Edit" },
      model: "flux-2-edit",
      primary: "https://cdn.example/edit.png",
    });
  });

  it("a choice shows the branch that ran and the skipped one", () => {
    const timeline = stepTimeline(
      load("choice-upscale-by-type.json"),
      {
        step1: { status: "completed" },
        step2: { status: "completed", selected: "condition_met" },
        step2_branch_0: { status: "completed" },
        step2_default: { status: "skipped" },
      },
      "completed",
    );
    expect(brief(timeline)).toEqual([
      ["step1", 0, null, null, "done"],
      ["step2", 0, null, null, "done"],
      ["step2_branch_0", 1, "step2", "condition_met", "done"],
      ["step2_default", 1, "step2", "default", "skipped"],
    ]);
    expect(timeline[1]?.selected).toBe("condition_met");
  });

  it("a fallback that saved the step, and a failure that ended the run", () => {
    const timeline = stepTimeline(
      load("fallback-and-transform.json"),
      [
        { step_id: "config", status: "completed", output: { style: "cinematic" } },
        {
          step_id: "generate",
          status: "completed",
          metadata: {
            model: "flux-2-pro",
            fallback_used: true,
            primary_error: "Primary model flux-2-max failed: GPU on fire",
          },
        },
        { step_id: "transform", status: "failed", error: "ValueError: nope" },
      ],
      "failed",
    );
    expect(brief(timeline).map((row) => row[4])).toEqual(["done", "done", "failed", "skipped"]);
    expect(timeline[1]).toMatchObject({
      fallbackUsed: true,
      model: "flux-2-pro",
      primaryError: "Primary model flux-2-max failed: GPU on fire",
    });
    expect(timeline[2]?.error).toBe("ValueError: nope");
  });

  it("before anything is reported every step waits; unknown reported steps come last", () => {
    const timeline = stepTimeline(load("image-enhancement-pipeline.json"), {
      extra: { kind: "pass", status: "completed" },
    });
    expect(brief(timeline)).toEqual([
      ["generate", 0, null, null, "waiting"],
      ["upscale", 0, null, null, "waiting"],
      ["extra", 0, null, null, "done"],
    ]);
    expect(timeline[0]?.model).toBe("flux-2-pro");
  });
});
