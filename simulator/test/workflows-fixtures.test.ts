import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { download, pngSize, startTestSimulator, type TestSimulator } from "./helpers.js";
import {
  createWorkflow,
  fixture,
  json,
  run,
  statuses,
  trigger,
  UUID,
  waitForExecution,
  type Loose,
} from "./workflows-helpers.js";

describe("each::workflows: the fixture workflows run to completion on the real engine", () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator();
  });
  afterAll(() => sim.close());

  /** A real image the simulator serves, for workflows that take one. */
  const imageUrl = async (): Promise<string> => {
    const id = await sim.create("flux-2-pro", { prompt: "a lighthouse", seed: 7 });
    const { prediction } = await sim.waitForEnd(id);
    return (prediction.output as string[])[0] ?? "";
  };

  it("image-enhancement-pipeline: generate then upscale, queued → running → completed, upscaled output and summed cost", async () => {
    const workflow = await createWorkflow(sim, fixture("image-enhancement-pipeline"));
    expect(workflow.workflow_id).toMatch(UUID);
    const id = await trigger(sim, workflow.workflow_id as string, { prompt: "A quiet harbour" });
    const { execution, statuses: seen } = await waitForExecution(sim, id);
    expect(seen.at(-1)).toBe("completed");
    expect(seen.every((status) => ["queued", "running", "completed"].includes(status))).toBe(true);
    expect(statuses(execution)).toEqual({ generate: "completed", upscale: "completed" });
    const generate = execution.step_outputs.generate as Loose;
    const upscale = execution.step_outputs.upscale as Loose;
    expect(generate.primary).toBe((generate.output as string[])[0]);
    expect(generate.metadata).toMatchObject({
      model: "flux-2-pro",
      params: { prompt: "A quiet harbour", aspect_ratio: "16:9" },
    });
    // {{generate.primary}} reached the upscaler as the first URL.
    expect(upscale.metadata.params).toEqual({ image_url: generate.primary, scale: 2 });
    expect(execution.output).toEqual([upscale.output]);
    const before = pngSize((await download(generate.primary as string)).data);
    const after = pngSize((await download(upscale.primary as string)).data);
    expect(after.width).toBe(before.width * 2);
    expect(new Date(generate.completed_at as string).getTime()).toBeLessThanOrEqual(
      new Date(upscale.started_at as string).getTime(),
    );

    const official = await json(sim, `/v1/workflows/executions/${id}`);
    expect(official.body.total_cost).toBeUndefined(); // reference dialect body
    await sim.control({ dialect: "official" });
    const body = (await json(sim, `/v1/workflows/executions/${id}`)).body;
    await sim.control({ dialect: "reference" });
    expect(body.total_cost).toBeCloseTo(
      (generate.metadata.cost as number) + (upscale.metadata.cost as number),
      6,
    );
    expect(body.total_cost).toBeGreaterThan(0);
    expect(body).toMatchObject({
      version_id: "v1",
      bulk_id: null,
      error: null,
      workflow_output: null,
    });
  });

  it("parallel-video-and-edit: both branches run at the same time (their run times overlap) and the output lists both", async () => {
    const workflow = await createWorkflow(sim, fixture("parallel-video-and-edit"));
    const image = await imageUrl();
    const execution = await run(sim, workflow.workflow_id as string, {
      prompt: "waves rolling in",
      image,
    });
    expect(execution.status).toBe("completed");
    expect(statuses(execution)).toEqual({
      step1: "completed",
      step1_branch_0: "completed",
      step1_branch_1: "completed",
    });
    const video = execution.step_outputs.step1_branch_0 as Loose;
    const edit = execution.step_outputs.step1_branch_1 as Loose;
    const time = (value: unknown) => new Date(value as string).getTime();
    // Overlap: each branch started before the other one finished.
    expect(time(video.started_at)).toBeLessThan(time(edit.completed_at));
    expect(time(edit.started_at)).toBeLessThan(time(video.completed_at));
    expect(Math.abs(time(video.started_at) - time(edit.started_at))).toBeLessThan(50);
    expect(video.primary).toMatch(/\.mp4$/);
    expect(edit.primary).toMatch(/\.png$/);
    expect(execution.output).toEqual([video.output, edit.output]);
    expect(execution.step_outputs.step1.metadata.branches).toEqual([
      { name: "Video Generation", status: "completed" },
      { name: "Image Edit", status: "completed" },
    ]);
  });

  it("choice-upscale-by-type: a .png with upscale (default true) takes condition_met and skips the default branch", async () => {
    const workflow = await createWorkflow(sim, fixture("choice-upscale-by-type"));
    const met = await run(sim, workflow.workflow_id as string, { prompt: "a red bicycle" });
    expect(met.status).toBe("completed");
    expect(met.inputs).toEqual({ prompt: "a red bicycle", upscale: true });
    expect(statuses(met)).toEqual({
      step1: "completed",
      step2: "completed",
      step2_branch_0: "completed",
      step2_default: "skipped",
    });
    expect(met.step_outputs.step2).toMatchObject({
      selected: "condition_met",
      metadata: {
        condition_result: true,
        choice_branch_selected: "condition_met",
        choice_step_id: "step2_condition_met",
      },
    });
    expect(met.output).toEqual([met.step_outputs.step2_branch_0.output]);

    const notMet = await run(sim, workflow.workflow_id as string, {
      prompt: "a red bicycle",
      upscale: false,
    });
    expect(statuses(notMet)).toEqual({
      step1: "completed",
      step2: "completed",
      step2_branch_0: "skipped",
      step2_default: "completed",
    });
    expect(notMet.step_outputs.step2.selected).toBe("default");
    expect(notMet.step_outputs.step2_default.output).toEqual({ skipped: true });
    expect(notMet.output).toEqual({ skipped: true });
  });

  it("fallback-and-transform: pass, model (fallback unused), python; the http step to a closed port fails and continue_on_error lets the run complete", async () => {
    const workflow = await createWorkflow(sim, fixture("fallback-and-transform"));
    const execution = await run(sim, workflow.workflow_id as string, {
      name: "Ada",
      style: "neon",
    });
    expect(execution.status).toBe("completed");
    expect(statuses(execution)).toEqual({
      config: "completed",
      generate: "completed",
      transform: "completed",
      notify: "failed",
    });
    expect(execution.step_outputs.config.output).toEqual({ style: "cinematic" });
    expect(execution.step_outputs.generate.metadata).toMatchObject({
      model: "flux-2-max",
      fallback_used: false,
      attempts: 1,
      params: { prompt: "A portrait of Ada in neon style" },
    });
    expect(execution.step_outputs.transform.output).toBe("ADA");
    expect(execution.step_outputs.notify.error).toMatch(/127\.0\.0\.1:9.*failed/);
    // The last step failed (continued), so the output is the last completed step's.
    expect(execution.output).toEqual(["ADA"]);
  });

  it("fallback-and-transform with a [[fail]] primary: retried twice, then the fallback model runs; metadata says fallback_used and primary_error", async () => {
    const body = fixture("fallback-and-transform");
    const generate = body.definition.steps[1] as Loose;
    generate.params = { prompt: "A portrait of {{inputs.name}} [[fail:GPU on fire]]" };
    body.name = "Resilient poster (failing primary)";
    const workflow = await createWorkflow(sim, body);
    const execution = await run(sim, workflow.workflow_id as string, { name: "Grace" });
    expect(execution.status).toBe("completed");
    const step = execution.step_outputs.generate as Loose;
    expect(step.status).toBe("completed");
    expect(step.metadata).toMatchObject({
      model: "flux-2-pro",
      primary_model: "flux-2-max",
      fallback_used: true,
      primary_error: "Primary model flux-2-max failed: GPU on fire",
      attempts: 2,
      fallback_attempts: 1,
      params: { prompt: "A portrait of Grace in  style" },
    });
    expect(step.metadata.retried_errors).toEqual(["model flux-2-max failed: GPU on fire"]);
    expect(step.primary).toMatch(/\.png$/);
    const predictions = (await (await fetch(`${sim.url}/__simulator/predictions`)).json()) as {
      predictions: Loose[];
    };
    const mine = predictions.predictions.filter((prediction) =>
      String(prediction.input.prompt).includes("Grace"),
    );
    expect(mine.map((prediction) => [prediction.model, prediction.status]).reverse()).toEqual([
      ["flux-2-max", "failed"],
      ["flux-2-max", "failed"],
      ["flux-2-pro", "success"],
    ]);
  });
});
