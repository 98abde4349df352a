import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { validateDefinition } from "../src/workflows/definition-validator.js";
import { startTestSimulator, type TestSimulator } from "./helpers.js";
import { eventOf, eventsOf, senseJson, senseStream, user } from "./sense-helpers.js";
import {
  createFromSteps,
  createWorkflow,
  fixture,
  json,
  REF,
  UUID,
  waitForExecution,
  type Loose,
} from "./workflows-helpers.js";

describe("each::sense on each::workflows", () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator();
  });
  afterEach(async () => {
    await sim.call("/__simulator/reset", { method: "POST", key: null });
  });
  afterAll(() => sim.close());

  it("stores workflows sense builds in the product: GET /workflows/{id} serves them, sense updates add versions", async () => {
    const built = await senseJson(
      sim,
      { message: "Create a workflow that generates an image and then upscales it" },
      { path: "/sense/workflow" },
    );
    const workflowId = built.body.workflow_id as string;
    expect(workflowId).toMatch(UUID);
    const served = await json(sim, `${REF}/workflows/${workflowId}`);
    expect(served.status).toBe(200);
    expect(served.body).toMatchObject({
      name: "Image generation + Upscale pipeline",
      slug: "image-generation-upscale-pipeline",
      latest_version_id: "v1",
    });
    expect(served.body.versions[0].definition).toEqual(built.body.definition);
    // What the builder makes passes the same checks as an API-created definition.
    expect(validateDefinition(built.body.definition).ok).toBe(true);
    // The same name built again gets its own slug instead of a conflict.
    const again = await senseJson(
      sim,
      { message: "Create a workflow that generates an image and then upscales it" },
      { path: "/sense/workflow" },
    );
    expect((await json(sim, `${REF}/workflows/${again.body.workflow_id}`)).body.slug).toBe(
      "image-generation-upscale-pipeline-2",
    );
    await senseJson(
      sim,
      { message: "add a step to remove the background", workflow_id: workflowId },
      { path: "/sense/workflow" },
    );
    const updated = (await json(sim, `${REF}/workflows/${workflowId}`)).body;
    expect(updated.latest_version_id).toBe("v2");
    expect(updated.versions[1].definition.steps).toHaveLength(3);
  });

  it("runs an API-created workflow from chat on the real engine: choice branches, skipped steps, an execution the API can read", async () => {
    const workflow = await createWorkflow(sim, fixture("choice-upscale-by-type"));
    const stream = await senseStream(sim, {
      messages: user("A green teapot on a table"),
      workflow_id: workflow.workflow_id,
    });
    const progress = eventsOf(stream, "execution_progress").map((event) => [
      event.step_id,
      event.step_status,
    ]);
    expect(progress).toEqual(
      expect.arrayContaining([
        ["step1", "running"],
        ["step1", "completed"],
        ["step2_default", "skipped"],
        ["step2_branch_0", "completed"],
      ]),
    );
    expect(progress.some(([id]) => id === "step2")).toBe(false);
    const completed = eventOf(stream, "execution_completed");
    expect(completed.status).toBe("completed");
    const executionId = completed.execution_id as string;
    const { execution } = await waitForExecution(sim, executionId);
    expect(execution).toMatchObject({
      workflow_id: workflow.workflow_id,
      status: "completed",
      inputs: { prompt: "A green teapot on a table", upscale: true },
    });
    expect(completed.output).toBe(execution.step_outputs.step2_branch_0.primary);
    expect(eventOf(stream, "generation_response")).toMatchObject({ model: "topaz-upscale-image" });
    const listed = (await (await fetch(`${sim.url}/__simulator/executions`)).json()) as {
      executions: Loose[];
    };
    expect(listed.executions[0]).toMatchObject({ execution_id: executionId, source: "sense" });
  });

  it("ends a chat run of a failing workflow with an EXECUTION_FAILED error naming the step", async () => {
    const workflow = await createFromSteps(
      sim,
      [
        {
          step_id: "gen",
          type: "model",
          model: "flux-2-pro",
          params: { prompt: "{{inputs.prompt}} [[fail:melted]]" },
        },
      ],
      { type: "object", properties: { prompt: { type: "string" } }, required: ["prompt"] },
    );
    const { status, body } = await senseJson(sim, {
      messages: user("A candle"),
      workflow_id: workflow.workflow_id,
    });
    expect(status).toBe(500);
    expect(body).toMatchObject({
      error_code: "EXECUTION_FAILED",
      error: "Workflow execution failed: Step 'gen' failed: model flux-2-pro failed: melted",
    });
  });
});
