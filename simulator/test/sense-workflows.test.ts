import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { OTHER_KEY, download, pngSize, startTestSimulator, type TestSimulator } from "./helpers.js";
import {
  eventOf,
  eventsOf,
  predictionCount,
  senseJson,
  senseStream,
  types,
  user,
} from "./sense-helpers.js";

interface Definition {
  version: string;
  input_schema: {
    type: string;
    properties: Record<string, Record<string, unknown>>;
    required: string[];
  };
  steps: { step_id: string; type: string; model: string; params: Record<string, unknown> }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("each::sense workflows", () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator();
  });
  afterEach(async () => {
    await sim.call("/__simulator/reset", { method: "POST", key: null });
  });
  afterAll(() => sim.close());

  const build = (body: Record<string, unknown>, key?: string) =>
    senseJson(sim, body, { path: "/sense/workflow", key });

  it("builds a workflow from a message, streaming flat workflow_built and workflow_created events, then complete", async () => {
    const stream = await senseStream(
      sim,
      {
        message: "Create a workflow that generates an image and then upscales it",
        session_id: "wf",
      },
      { path: "/sense/workflow" },
    );
    expect(stream.raw.startsWith('data: {"type": "thinking_delta"')).toBe(true);
    const order = types(stream);
    expect(order.indexOf("workflow_built")).toBeLessThan(order.indexOf("workflow_created"));
    expect(order.at(-1)).toBe("complete");
    expect(stream.done).toBe(true);
    expect(eventsOf(stream, "status").map((event) => event.tool_name)).toEqual([
      "build_workflow",
      "create_workflow",
    ]);

    const built = eventOf(stream, "workflow_built");
    const definition = built.definition as Definition;
    expect(built.steps_count).toBe(2);
    expect(definition).toEqual({
      version: "v1",
      input_schema: {
        type: "object",
        properties: { prompt: { type: "string", description: "What to generate" } },
        required: ["prompt"],
      },
      steps: [
        {
          step_id: "generate",
          type: "model",
          model: "flux-2-max",
          params: { prompt: "{{inputs.prompt}}" },
        },
        {
          step_id: "upscale",
          type: "model",
          model: "topaz-upscale-image",
          params: { image_url: "{{generate.primary}}", scale: 2 },
        },
      ],
    });
    const created = eventOf(stream, "workflow_created");
    expect(created).toMatchObject({
      version_id: "v1",
      steps_count: 2,
      workflow_name: "Image generation + Upscale pipeline",
    });
    // Built workflows are each::workflows workflows: a UUID the API serves too.
    expect(created.workflow_id).toMatch(UUID);
    expect(created.input_schema).toEqual(definition.input_schema);
    expect(eventOf(stream, "complete")).toMatchObject({
      status: "ok",
      workflow_id: created.workflow_id,
      version_id: "v1",
    });
    expect(await predictionCount(sim)).toBe(0);
  });

  it("answers stream:false with {workflow_id, version_id, definition}, chaining steps and inputs", async () => {
    const { status, body } = await build({
      message: "Build a pipeline: remove the background, then animate it into a 10 second video",
      mode: "eco",
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      success: true,
      version_id: "v1",
      message: "Workflow created successfully",
    });
    expect(body.workflow_id).toMatch(UUID);
    const definition = body.definition as Definition;
    expect(definition.steps).toEqual([
      {
        step_id: "remove_background",
        type: "model",
        model: "eachlabs-bg-remover-v1",
        params: { image_url: "{{inputs.image}}" },
      },
      {
        step_id: "animate",
        type: "model",
        model: "wan-v2-6-image-to-video",
        params: {
          image_url: "{{remove_background.primary}}",
          prompt: "{{inputs.prompt}}",
          duration: 10,
        },
      },
    ]);
    expect(definition.input_schema.properties.image).toEqual({
      type: "string",
      format: "uri",
      description: "Source image URL",
    });
    expect(definition.input_schema.required).toEqual(["image", "prompt"]);
  });

  it("updates a workflow given workflow_id and version_id: workflow_fetched, workflow_built, workflow_updated with v2", async () => {
    const created = await build({ message: "generate an image and then upscale it" });
    const workflowId = created.body.workflow_id as string;
    const stream = await senseStream(
      sim,
      { message: "add a step to remove the background", workflow_id: workflowId, version_id: "v1" },
      { path: "/sense/workflow" },
    );
    expect(eventOf(stream, "workflow_fetched")).toMatchObject({
      workflow_id: workflowId,
      version_id: "v1",
      existing_steps: 2,
      workflow_name: "Image generation + Upscale pipeline",
    });
    const updated = eventOf(stream, "workflow_updated");
    expect(updated).toMatchObject({
      success: true,
      workflow_id: workflowId,
      version_id: "v2",
      message: "Workflow updated successfully",
    });
    const steps = (updated.definition as Definition).steps;
    expect(steps.map((step) => step.model)).toEqual([
      "flux-2-max",
      "topaz-upscale-image",
      "eachlabs-bg-remover-v1",
    ]);
    expect(steps[2]?.params.image_url).toBe("{{upscale.primary}}");
    expect(types(stream)).not.toContain("workflow_created");

    const removed = await build({
      message: "remove the upscale step",
      workflow_id: workflowId,
      version_id: "v2",
    });
    expect(removed.body.version_id).toBe("v3");
    const after = (removed.body.definition as Definition).steps;
    expect(after.map((step) => step.step_id)).toEqual(["generate", "remove_background"]);
    expect(after[1]?.params.image_url).toBe("{{generate.primary}}");

    const swapped = await build({
      message: "use flux-2-pro for the image",
      workflow_id: workflowId,
    });
    expect((swapped.body.definition as Definition).steps[0]?.model).toBe("flux-2-pro");
    expect(swapped.body.version_id).toBe("v4");
  });

  it("keeps workflows per API key: another key cannot update it (404 WORKFLOW_NOT_FOUND)", async () => {
    const created = await build({ message: "generate an image and then upscale it" });
    const other = await build(
      { message: "add an upscale step", workflow_id: created.body.workflow_id },
      OTHER_KEY,
    );
    expect(other.status).toBe(404);
    expect(other.body).toMatchObject({ error_code: "WORKFLOW_NOT_FOUND" });
  });

  it("asks what the workflow should do when the message names no step", async () => {
    const { body } = await build({ message: "create a workflow please" });
    expect(body).toMatchObject({
      clarification_needed: true,
      question: "What should the workflow do?",
      options: expect.arrayContaining(["Generate an image, then upscale it"]),
    });
  });

  it("runs a workflow from chat (workflow_id): workflow_fetched, execution_started/progress/completed with real outputs", async () => {
    const created = await build({ message: "generate an image and then upscale it" });
    const workflowId = created.body.workflow_id as string;
    const stream = await senseStream(sim, {
      messages: user("A lighthouse on a cliff at night"),
      workflow_id: workflowId,
      version_id: "v1",
      session_id: "runner",
    });
    const order = types(stream);
    expect(order.indexOf("workflow_fetched")).toBeLessThan(order.indexOf("execution_started"));
    expect(eventOf(stream, "execution_started")).toMatchObject({
      workflow_id: workflowId,
      version_id: "v1",
      inputs: { prompt: "A lighthouse on a cliff at night" },
    });
    const progress = eventsOf(stream, "execution_progress");
    expect(
      progress.map((event) => [
        event.step_id,
        event.step_status,
        event.completed_steps,
        event.total_steps,
      ]),
    ).toEqual([
      ["generate", "running", 0, 2],
      ["generate", "completed", 1, 2],
      ["upscale", "running", 1, 2],
      ["upscale", "completed", 2, 2],
    ]);
    expect(progress[3]?.progress_percent).toBe(100);
    const completed = eventOf(stream, "execution_completed");
    expect(completed).toMatchObject({ status: "completed", workflow_id: workflowId });
    expect(completed.execution_id).toMatch(UUID);
    const outputs = completed.all_outputs as Record<string, string>;
    expect(Object.keys(outputs)).toEqual(["generate", "upscale"]);
    expect(completed.output).toBe(outputs.upscale);
    expect(completed.total_time_ms).toBeGreaterThan(0);
    expect(eventOf(stream, "generation_response")).toMatchObject({
      url: outputs.upscale,
      model: "topaz-upscale-image",
    });
    expect(eventOf(stream, "complete")).toMatchObject({
      status: "ok",
      workflow_id: workflowId,
      generations: [outputs.upscale],
    });

    const generated = pngSize((await download(outputs.generate ?? "")).data);
    const upscaled = pngSize((await download(outputs.upscale ?? "")).data);
    expect(upscaled.width).toBeGreaterThan(generated.width);
  });

  it("asks for missing workflow inputs (with the input_schema) and runs once they are given", async () => {
    const created = await build({ message: "remove the background and then upscale" });
    const workflowId = created.body.workflow_id as string;
    const asked = await senseStream(sim, {
      messages: user("run my workflow"),
      workflow_id: workflowId,
      session_id: "inputs",
    });
    expect(eventOf(asked, "clarification_needed")).toMatchObject({
      question: "Please provide the required inputs for your workflow:",
      options: [],
      input_schema: { image: { type: "string", format: "uri" } },
    });
    expect(types(asked)).not.toContain("execution_started");
    const image = (await senseJson(sim, { messages: user("Generate an image of a vase") })).body
      .generations as string[];
    const ran = await senseJson(sim, {
      messages: user("here it is"),
      image_urls: image,
      session_id: "inputs",
    });
    expect(ran.body).toMatchObject({
      workflow_id: workflowId,
      execution_id: expect.stringMatching(UUID),
    });
    expect((ran.body.generations as string[]).length).toBe(1);
  });

  it("runs an unknown workflow_id as a stand-in generate-then-upscale workflow", async () => {
    const { body } = await senseJson(sim, {
      messages: user("A red kite over a beach"),
      workflow_id: "wf_from_elsewhere",
    });
    expect(body).toMatchObject({ workflow_id: "wf_from_elsewhere", version_id: "v1" });
    expect((body.generations as string[]).length).toBe(1);
  });

  it("builds a workflow when asked in chat, reported in chat.completion.chunks", async () => {
    const stream = await senseStream(sim, {
      messages: user("Create a workflow that generates an image then animates it"),
    });
    const created = eventOf(stream, "workflow_created");
    expect(created.steps_count).toBe(2);
    expect(stream.chunks.every((chunk) => chunk.object === "chat.completion.chunk")).toBe(true);
    const plain = await senseJson(sim, {
      messages: user("Create a workflow that generates an image then animates it"),
    });
    expect(plain.body.workflow_id).toMatch(UUID);
  });
});
