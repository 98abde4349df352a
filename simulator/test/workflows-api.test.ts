import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { KEY, OTHER_KEY, sleep, startTestSimulator, until, type TestSimulator } from "./helpers.js";
import { nicknameFor } from "../src/workflows/workflow-registry.js";
import {
  createFromSteps,
  createWorkflow,
  definitionOf,
  fixture,
  json,
  OFF,
  REF,
  UUID,
  waitForExecution,
  type Loose,
} from "./workflows-helpers.js";

const simpleStep = {
  step_id: "gen",
  type: "model",
  model: "flux-2-pro",
  params: { prompt: "{{inputs.prompt}}" },
};
const promptSchema = {
  type: "object",
  properties: { prompt: { type: "string" } },
  required: ["prompt"],
};

describe("each::workflows API, reference dialect (/workflows/api/v1)", () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator();
  });
  afterEach(async () => {
    await sim.call("/__simulator/reset", { method: "POST", key: null });
  });
  afterAll(() => sim.close());

  it("lists categories with slug, label, description, is_default", async () => {
    const { status, body } = await json(sim, `${REF}/categories`);
    expect(status).toBe(200);
    expect(body.categories.map((category: Loose) => category.slug)).toEqual(
      expect.arrayContaining(["image-generation", "video-generation", "upscaling", "general"]),
    );
    expect(body.categories[0]).toMatchObject({ label: "Image Generation", is_default: true });
  });

  it("requires a key (401) and answers X-RateLimit-* like each::api", async () => {
    const refused = await json(sim, `${REF}/categories`, { key: null });
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({ error: "Invalid or missing API key" });
    const ok = await json(sim, `${REF}/categories`, { auth: "bearer" });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("x-ratelimit-limit")).not.toBeNull();
  });

  it("creates a workflow: 201 {workflow_id, slug, name, latest_version_id, status: active, versions}", async () => {
    const { status, body } = await json(sim, `${REF}/workflows`, {
      method: "POST",
      json: fixture("image-enhancement-pipeline"),
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      slug: "image-enhancement-pipeline",
      name: "Image Enhancement Pipeline",
      description: "Generate and upscale images",
      categories: ["image-generation"],
      latest_version_id: "v1",
      status: "active",
      trigger_count: 0,
    });
    expect(body.workflow_id).toMatch(UUID);
    expect(body.versions).toHaveLength(1);
    expect(body.versions[0]).toMatchObject({
      version_id: "v1",
      status: "active",
      locked: false,
      allowed_to_share: false,
      visibility: "private",
      definition: fixture("image-enhancement-pipeline").definition,
    });
  });

  it("answers 422 without a name or definition, 400 for a body that is not JSON, 409 for a taken slug", async () => {
    expect(
      (
        await json(sim, `${REF}/workflows`, {
          method: "POST",
          json: { definition: definitionOf([simpleStep]) },
        })
      ).body,
    ).toEqual({
      error: "name field is required",
      details: [{ field: "name", message: "is required" }],
    });
    expect(
      (await json(sim, `${REF}/workflows`, { method: "POST", json: { name: "x" } })).status,
    ).toBe(422);
    const bad = await json(sim, `${REF}/workflows`, {
      method: "POST",
      body: "{nope",
      headers: { "Content-Type": "application/json" },
    });
    expect(bad).toMatchObject({ status: 400, body: { error: "invalid request body" } });
    await createWorkflow(sim, { name: "Same Name", definition: definitionOf([simpleStep]) });
    const again = await json(sim, `${REF}/workflows`, {
      method: "POST",
      json: { name: "Same name", definition: definitionOf([simpleStep]) },
    });
    expect(again.status).toBe(409);
  });

  it("refuses invalid definitions with 400 naming the step: unknown type, dangling reference, cycle, duplicate id", async () => {
    const refuse = async (steps: Loose[]) =>
      json(sim, `${REF}/workflows`, {
        method: "POST",
        json: { name: "Broken", definition: definitionOf(steps) },
      });
    const unknownType = await refuse([{ step_id: "x", type: "teleport" }]);
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.error).toMatch(/^step "x": unknown step type "teleport"/);
    const dangling = await refuse([
      {
        step_id: "upscale",
        type: "model",
        model: "topaz-upscale-image",
        params: { image_url: "{{gen.primary}}" },
      },
    ]);
    expect(dangling.body).toEqual({
      error: 'step "upscale": references unknown step "gen"',
      details: [{ field: "steps.upscale", message: 'references unknown step "gen"' }],
    });
    const cycle = await refuse([
      { step_id: "a", type: "pass", result: "{{b.output}}" },
      { step_id: "b", type: "pass", result: "{{a.output}}" },
    ]);
    expect(cycle.body.error).toBe('step "a": dependency cycle a → b → a');
    const duplicate = await refuse([simpleStep, simpleStep]);
    expect(duplicate.body.error).toBe('step "gen": duplicate step id');
    expect((await json(sim, `${REF}/workflows`)).body.total_count).toBe(0);
  });

  it("gets a workflow by UUID or slug; another key gets 404", async () => {
    const created = await createWorkflow(sim, fixture("choice-upscale-by-type"));
    const byId = await json(sim, `${REF}/workflows/${created.workflow_id}`);
    const bySlug = await json(sim, `${REF}/workflows/upscale-anything`);
    expect(byId.status).toBe(200);
    expect(bySlug.body).toEqual(byId.body);
    expect(
      (await json(sim, `${REF}/workflows/${created.workflow_id}`, { key: OTHER_KEY })).status,
    ).toBe(404);
    expect((await json(sim, `${REF}/workflows/no-such-thing`)).body).toEqual({
      error: "workflow not found",
    });
  });

  it("lists the key's workflows newest first, with total_count and the next page's offset", async () => {
    await createFromSteps(sim, [simpleStep]);
    await createFromSteps(sim, [simpleStep]);
    await createFromSteps(sim, [simpleStep]);
    const page = await json(sim, `${REF}/workflows?limit=2`);
    expect(page.body.total_count).toBe(3);
    expect(page.body.workflows).toHaveLength(2);
    expect(page.body.offset).toBe(2);
    const last = await json(sim, `${REF}/workflows?limit=2&offset=2`);
    expect(last.body.workflows).toHaveLength(1);
    expect(last.body.offset).toBeUndefined();
    expect((await json(sim, `${REF}/workflows`, { key: OTHER_KEY })).body.total_count).toBe(0);
  });

  it("updates metadata with PUT /workflows/{id}; a locked workflow refuses changes (403) until unlocked", async () => {
    const created = await createFromSteps(sim, [simpleStep]);
    const url = `${REF}/workflows/${created.workflow_id}`;
    const updated = await json(sim, url, {
      method: "PUT",
      json: { name: "Renamed", description: "new", categories: ["upscaling"], tags: ["demo"] },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      name: "Renamed",
      description: "new",
      categories: ["upscaling"],
      tags: ["demo"],
      slug: created.slug,
    });
    expect((await json(sim, url, { method: "PUT", json: { locked: true } })).body.locked).toBe(
      true,
    );
    const refused = await json(sim, url, { method: "PUT", json: { name: "Again" } });
    expect(refused).toMatchObject({ status: 403, body: { error: "Workflow is locked" } });
    expect(
      (
        await json(sim, `${url}/versions/v2`, {
          method: "PUT",
          json: { definition: definitionOf([simpleStep]) },
        })
      ).status,
    ).toBe(403);
    expect((await json(sim, url, { method: "PUT", json: { locked: false } })).body.locked).toBe(
      false,
    );
    expect((await json(sim, url, { method: "PUT", json: { name: "Again" } })).body.name).toBe(
      "Again",
    );
  });

  it("creates and updates versions with PUT /workflows/{id}/versions/{v}; the latest follows; a locked version refuses with 403", async () => {
    const created = await createFromSteps(sim, [simpleStep], promptSchema);
    const base = `${REF}/workflows/${created.workflow_id}/versions`;
    const v2 = await json(sim, `${base}/v2`, {
      method: "PUT",
      json: { definition: definitionOf([{ ...simpleStep, model: "flux-2-max" }], promptSchema) },
    });
    expect(v2.status).toBe(200);
    expect(v2.body).toMatchObject({ version_id: "v2", status: "active", locked: false });
    let workflow = (await json(sim, `${REF}/workflows/${created.workflow_id}`)).body;
    expect(workflow.latest_version_id).toBe("v2");
    expect(workflow.versions.map((version: Loose) => version.version_id)).toEqual(["v1", "v2"]);

    const noDefinition = await json(sim, `${base}/v3`, { method: "PUT", json: { locked: true } });
    expect(noDefinition.status).toBe(422);
    const invalid = await json(sim, `${base}/v3`, {
      method: "PUT",
      json: {
        definition: definitionOf([
          { step_id: "a", type: "model", model: "flux-2-pro", params: { x: "{{z.primary}}" } },
        ]),
      },
    });
    expect(invalid).toMatchObject({
      status: 400,
      body: { error: 'step "a": references unknown step "z"' },
    });

    const locked = await json(sim, `${base}/v1`, { method: "PUT", json: { locked: true } });
    expect(locked.body.locked).toBe(true);
    workflow = (await json(sim, `${REF}/workflows/${created.workflow_id}`)).body;
    expect(workflow.latest_version_id).toBe("v1");
    const refused = await json(sim, `${base}/v1`, {
      method: "PUT",
      json: { definition: definitionOf([simpleStep]) },
    });
    expect(refused).toEqual({
      status: 403,
      body: { error: "version is locked" },
      headers: refused.headers,
    });
    expect((await json(sim, `${base}/v1`, { method: "PUT", json: { locked: false } })).status).toBe(
      403,
    );
    // A locked version still runs.
    const ran = await json(sim, `${REF}/${created.workflow_id}/trigger`, {
      method: "POST",
      json: { version_id: "v1", inputs: { prompt: "a locked run" } },
    });
    expect(ran.status).toBe(202);
  });

  it("triggers: 202 {execution_id, status: queued, started_at}; the execution lists and reads back; another key gets 404", async () => {
    const created = await createFromSteps(sim, [simpleStep], promptSchema);
    const answer = await json(sim, `${REF}/${created.workflow_id}/trigger`, {
      method: "POST",
      json: { version_id: "v1", inputs: { prompt: "a calm lake" } },
    });
    expect(answer.status).toBe(202);
    expect(Object.keys(answer.body).sort()).toEqual(["execution_id", "started_at", "status"]);
    expect(answer.body).toMatchObject({ status: "queued" });
    expect(answer.body.execution_id).toMatch(UUID);
    const { execution } = await waitForExecution(sim, answer.body.execution_id as string);
    expect(Object.keys(execution).sort()).toEqual(
      [
        "completed_at",
        "execution_id",
        "inputs",
        "output",
        "started_at",
        "status",
        "step_outputs",
        "workflow_id",
      ].sort(),
    );
    expect(execution).toMatchObject({
      workflow_id: created.workflow_id,
      status: "completed",
      inputs: { prompt: "a calm lake" },
    });
    expect(Object.keys(execution.step_outputs.gen).sort()).toEqual(
      [
        "completed_at",
        "kind",
        "metadata",
        "output",
        "primary",
        "started_at",
        "status",
        "step_id",
      ].sort(),
    );
    const list = await json(sim, `${REF}/workflows/${created.workflow_id}/executions`);
    expect(list.body).toMatchObject({ limit: 50, offset: 0, total_count: 1 });
    expect(list.body.executions[0]).toMatchObject({
      execution_id: answer.body.execution_id,
      flow_id: created.workflow_id,
      flow_name: created.name,
      version_id: "v1",
      status: "completed",
    });
    expect(
      (await json(sim, `${REF}/executions/${answer.body.execution_id}`, { key: OTHER_KEY })).body,
    ).toEqual({
      error: "execution not found",
    });
    expect(
      (await json(sim, `${REF}/workflows/${created.workflow_id}/executions?limit=0`)).status,
    ).toBe(400);
    expect(
      (await json(sim, `${REF}/workflows/${created.workflow_id}/executions?bulk_id=nope`)).body,
    ).toEqual({
      error: "invalid bulk_id format",
    });
    expect((await json(sim, `${REF}/workflows/${created.workflow_id}`)).body.trigger_count).toBe(1);
  });

  it("validates trigger inputs against the input_schema: 400 naming the field, defaults filled in", async () => {
    const created = await createFromSteps(sim, [simpleStep], {
      type: "object",
      properties: {
        prompt: { type: "string" },
        count: { type: "integer", maximum: 4, default: 1 },
        style: { type: "string", enum: ["a", "b"] },
      },
      required: ["prompt"],
    });
    const attempt = (inputs: Loose) =>
      json(sim, `${REF}/${created.workflow_id}/trigger`, { method: "POST", json: { inputs } });
    expect((await attempt({})).body).toEqual({
      error: "invalid input: missing required field 'prompt'",
      details: [{ field: "prompt", message: "is required" }],
    });
    expect((await attempt({ prompt: "p", count: 9 })).body.error).toBe(
      "invalid input: field 'count' must be at most 4",
    );
    expect((await attempt({ prompt: "p", style: "c" })).body.error).toBe(
      "invalid input: field 'style' must be one of: a, b",
    );
    const ok = await attempt({ prompt: "p" });
    expect(ok.status).toBe(202);
    const { execution } = await waitForExecution(sim, ok.body.execution_id as string);
    expect(execution.inputs).toEqual({ prompt: "p", count: 1 });
    expect(
      (
        await json(sim, `${REF}/${created.workflow_id}/trigger`, {
          method: "POST",
          json: { inputs: [1] },
        })
      ).status,
    ).toBe(400);
  });

  it("refuses triggers of archived (400) and deleted (404) versions, and of unknown versions (404)", async () => {
    const created = await createFromSteps(sim, [simpleStep], promptSchema);
    const base = `${REF}/workflows/${created.workflow_id}/versions`;
    const go = (version: string) =>
      json(sim, `${REF}/${created.workflow_id}/trigger`, {
        method: "POST",
        json: { version_id: version, inputs: { prompt: "x" } },
      });
    await json(sim, `${base}/v1`, { method: "PUT", json: { status: "archived" } });
    expect((await go("v1")).body).toEqual({
      error: "version v1 is archived and cannot be triggered",
    });
    await json(sim, `${base}/v1`, { method: "PUT", json: { status: "deleted" } });
    expect(await go("v1")).toMatchObject({
      status: 404,
      body: { error: "workflow version not found" },
    });
    expect((await go("v9")).status).toBe(404);
    expect(
      (await json(sim, `${base}/v1`, { method: "PUT", json: { status: "gone" } })).status,
    ).toBe(400);
    await json(sim, `${base}/v1`, { method: "PUT", json: { status: "active" } });
    expect((await go("v1")).status).toBe(202);
  });

  it("bulk-triggers 1–10 inputs sharing a bulk_id; an input that fails validation is a partial failure", async () => {
    const created = await createFromSteps(sim, [simpleStep], promptSchema);
    const answer = await json(sim, `${REF}/${created.workflow_id}/bulk-trigger`, {
      method: "POST",
      json: { version_id: "v1", inputs: [{ prompt: "one" }, { wrong: true }, { prompt: "three" }] },
    });
    expect(answer.status).toBe(202);
    expect(answer.body.bulk_id).toMatch(UUID);
    const entries = answer.body.executions as Loose[];
    expect(entries.map((entry) => entry.status)).toEqual(["queued", "failed", "queued"]);
    expect(entries[1]).toEqual({
      status: "failed",
      message: "invalid input: missing required field 'prompt'",
    });
    for (const entry of [entries[0], entries[2]]) {
      const { execution } = await waitForExecution(sim, entry?.execution_id as string);
      expect(execution).toMatchObject({ status: "completed", bulk_id: answer.body.bulk_id });
    }
    const listed = await json(
      sim,
      `${REF}/workflows/${created.workflow_id}/executions?bulk_id=${answer.body.bulk_id}`,
    );
    expect(listed.body.total_count).toBe(2);
    const tooMany = await json(sim, `${REF}/${created.workflow_id}/bulk-trigger`, {
      method: "POST",
      json: { inputs: Array.from({ length: 11 }, () => ({ prompt: "x" })) },
    });
    expect(tooMany.status).toBe(400);
    const nonObject = await json(sim, `${REF}/${created.workflow_id}/bulk-trigger`, {
      method: "POST",
      json: { inputs: [{ prompt: "x" }, "a string"] },
    });
    expect(nonObject).toMatchObject({
      status: 400,
      body: { error: "inputs[1] must be an object" },
    });
    expect(
      (
        await json(sim, `${REF}/${created.workflow_id}/bulk-trigger`, {
          method: "POST",
          json: { inputs: [] },
        })
      ).status,
    ).toBe(400);
  });

  it("serves a shared version at /public/@{nickname}/... without a key, and triggers it; unshared versions are 404", async () => {
    const created = await createWorkflow(sim, fixture("image-enhancement-pipeline"));
    const nickname = nicknameFor(KEY);
    expect(nickname).toMatch(/^sim-[0-9a-f]{10}$/);
    const url = `${REF}/public/@${nickname}/workflows/${created.slug}/versions/v1`;
    expect((await json(sim, url, { key: null })).body).toEqual({
      error: "workflow version not found",
    });
    const refused = await json(sim, `${url}/trigger`, {
      method: "POST",
      key: null,
      json: { inputs: { prompt: "x" } },
    });
    expect(refused).toMatchObject({
      status: 404,
      body: { error: "workflow version not found or not publicly available" },
    });

    const shared = await json(sim, `${REF}/workflows/${created.workflow_id}/versions/v1`, {
      method: "PUT",
      json: { allowed_to_share: true },
    });
    expect(shared.body).toMatchObject({ visibility: "unlisted", public_url: `${sim.url}${url}` });
    const got = await json(sim, url, { key: null });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      workflow_id: created.workflow_id,
      version_id: "v1",
      slug: "image-enhancement-pipeline",
      name: "Image Enhancement Pipeline",
      status: "active",
      definition: fixture("image-enhancement-pipeline").definition,
    });
    const triggered = await json(sim, `${url}/trigger`, {
      method: "POST",
      key: null,
      json: { inputs: { prompt: "a public run" } },
    });
    expect(triggered.status).toBe(202);
    // Without a key the run belongs to (and is billed to) the owner.
    const { execution } = await waitForExecution(sim, triggered.body.execution_id as string);
    expect(execution.status).toBe("completed");
    const asCaller = await json(sim, `${url}/trigger`, {
      method: "POST",
      key: null,
      json: { api_key: OTHER_KEY, inputs: { prompt: "billed to the caller" } },
    });
    expect(
      (await waitForExecution(sim, asCaller.body.execution_id as string, { key: OTHER_KEY }))
        .execution.status,
    ).toBe("completed");
    expect(
      (
        await json(sim, `${url}/trigger`, {
          method: "POST",
          key: null,
          json: { api_key: "wrong", inputs: {} },
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await json(sim, `${REF}/public/${nickname}/workflows/${created.slug}/versions/v1`, {
          key: null,
        })
      ).status,
    ).toBe(404);
  });

  it("honours X-Simulator-Fail and queued next rules aimed at the workflows path (rules without a path stay for each::api)", async () => {
    const failed = await json(sim, `${REF}/categories`, {
      headers: { "X-Simulator-Fail": "503:7" },
    });
    expect(failed.status).toBe(503);
    expect(failed.headers.get("retry-after")).toBe("7");
    await sim.control({ next: { status: 429, retryAfter: 3 } });
    expect((await json(sim, `${REF}/categories`)).status).toBe(200);
    await sim.control({
      clearNext: true,
      next: { status: 500, path: "/workflows/api/v1/workflows", method: "POST" },
    });
    expect((await json(sim, `${REF}/categories`)).status).toBe(200);
    const hit = await json(sim, `${REF}/workflows`, { method: "POST", json: { name: "x" } });
    expect(hit).toMatchObject({ status: 500, body: { error: "Internal server error" } });
    await sim.control({ next: { status: 429, path: "/v1/workflows", retryAfter: 2 } });
    const official = await json(sim, `${OFF}/categories`);
    expect(official.status).toBe(429);
    expect(official.headers.get("retry-after")).toBe("2");
  });

  it("lists executions at GET /__simulator/executions, cancels one there, and forgets workflows and executions on reset", async () => {
    const created = await createFromSteps(
      sim,
      [
        {
          step_id: "stuck",
          type: "model",
          model: "flux-2-pro",
          params: { prompt: "{{inputs.prompt}} [[hang]]" },
        },
      ],
      promptSchema,
    );
    const started = await json(sim, `${REF}/${created.workflow_id}/trigger`, {
      method: "POST",
      json: { inputs: { prompt: "never ends" } },
    });
    const id = started.body.execution_id as string;
    await until(async () => {
      const body = (await json(sim, `${REF}/executions/${id}`)).body;
      return body.step_outputs.stuck.status === "running" ? true : undefined;
    });
    await sleep(20);
    const listing = (await (await fetch(`${sim.url}/__simulator/executions`)).json()) as {
      executions: Loose[];
    };
    expect(listing.executions[0]).toMatchObject({
      execution_id: id,
      workflow_id: created.workflow_id,
      source: "api",
    });
    const cancelled = await fetch(`${sim.url}/__simulator/executions/${id}/cancel`, {
      method: "POST",
    });
    expect(await cancelled.json()).toEqual({ execution_id: id, status: "cancelled" });
    const { execution } = await waitForExecution(sim, id);
    expect(execution.step_outputs.stuck.status).toBe("cancelled");
    const prediction = (
      await json(sim, `/v1/prediction/${execution.step_outputs.stuck.metadata.prediction_id}`)
    ).body;
    expect(prediction.status).toBe("cancelled");

    await sim.call("/__simulator/reset", { method: "POST", key: null });
    expect((await json(sim, `${REF}/workflows/${created.workflow_id}`)).status).toBe(404);
    expect((await json(sim, `${REF}/executions/${id}`)).status).toBe(404);
    const after = (await (await fetch(`${sim.url}/__simulator/executions`)).json()) as {
      executions: Loose[];
    };
    expect(after.executions).toEqual([]);
  });
});

describe("each::workflows API, official dialect (/v1/workflows, /v1/public)", () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator({ dialect: "official" });
  });
  afterEach(async () => {
    await sim.call("/__simulator/reset", { method: "POST", key: null });
  });
  afterAll(() => sim.close());

  it("creates at POST /v1/workflows (201; categories default to general), gets, lists and updates with official error bodies", async () => {
    const body = fixture("parallel-video-and-edit");
    const created = await createWorkflow(sim, body, OFF);
    expect(created).toMatchObject({
      slug: "video-and-edit",
      categories: ["general"],
      latest_version_id: "v1",
      status: "active",
    });
    expect((await json(sim, `${OFF}/${created.workflow_id}`, { auth: "bearer" })).body.name).toBe(
      "Video and Edit",
    );
    expect((await json(sim, `${OFF}/video-and-edit`)).body.workflow_id).toBe(created.workflow_id);
    expect((await json(sim, OFF)).body.total_count).toBe(1);
    expect((await json(sim, `${OFF}/categories`)).status).toBe(200);
    const missing = await json(sim, OFF, { method: "POST", json: {} });
    expect(missing).toMatchObject({
      status: 400,
      body: { status: 400, error: "name field is required" },
    });
    const notFound = await json(sim, `${OFF}/nope`);
    expect(notFound.body).toEqual({
      status: 404,
      error: "workflow not found",
      details: "workflow not found",
    });
    const unauthorized = await json(sim, OFF, { key: null });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get("x-ratelimit-limit")).toBeNull();
    const noDefinition = await json(sim, OFF, { method: "POST", json: { name: "Empty for now" } });
    expect(noDefinition.status).toBe(201);
    expect(noDefinition.body.versions[0].definition).toBeUndefined();
    const put = await json(sim, `${OFF}/${created.workflow_id}`, {
      method: "PUT",
      json: { name: "Video & edit v2" },
    });
    expect(put.body.name).toBe("Video & edit v2");
  });

  it("triggers at POST /v1/workflows/trigger/{id}/{version} (202 {execution_id, status}) and reads GET /v1/workflows/executions/{id} with version_id, bulk_id, workflow_output, total_cost", async () => {
    const created = await createFromSteps(sim, [simpleStep], promptSchema);
    await json(sim, `${OFF}/${created.workflow_id}/versions/v1`, {
      method: "PUT",
      json: { output_mapping: { image: "$.gen.primary", prompt: "$.inputs.prompt" } },
    });
    const answer = await json(sim, `${OFF}/trigger/${created.workflow_id}/v1?webhook_url=`, {
      method: "POST",
      json: { inputs: { prompt: "an official run" } },
    });
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ execution_id: answer.body.execution_id, status: "queued" });
    const { execution } = await waitForExecution(sim, answer.body.execution_id as string, {
      base: OFF,
    });
    expect(execution).toMatchObject({
      execution_id: answer.body.execution_id,
      workflow_id: created.workflow_id,
      version_id: "v1",
      bulk_id: null,
      status: "completed",
      error: null,
      error_cause: null,
      workflow_output: { image: execution.step_outputs.gen.primary, prompt: "an official run" },
    });
    expect(execution.total_cost).toBeGreaterThan(0);
    expect(execution.output).toEqual(execution.step_outputs.gen.output);
    const list = await json(sim, `${OFF}/${created.workflow_id}/executions?limit=5`);
    expect(list.body).toMatchObject({ limit: 5, total_count: 1 });
    const failing = await json(sim, `${OFF}/trigger/${created.workflow_id}/v1`, {
      method: "POST",
      json: { inputs: {} },
    });
    expect(failing.body).toMatchObject({
      status: 400,
      error: "invalid input: missing required field 'prompt'",
    });
  });

  it("answers a running execution without total_cost and a failed one with error ExecutionFailed and error_cause", async () => {
    const created = await createFromSteps(
      sim,
      [
        {
          step_id: "gen",
          type: "model",
          model: "flux-2-pro",
          params: { prompt: "{{inputs.prompt}}" },
        },
      ],
      promptSchema,
    );
    const answer = await json(sim, `${OFF}/trigger/${created.workflow_id}/v1`, {
      method: "POST",
      json: { inputs: { prompt: "broken [[fail:out of memory]]" } },
    });
    const early = (await json(sim, `${OFF}/executions/${answer.body.execution_id}`)).body;
    expect(["queued", "running"]).toContain(early.status);
    expect(early).not.toHaveProperty("total_cost");
    const { execution } = await waitForExecution(sim, answer.body.execution_id as string, {
      base: OFF,
    });
    expect(execution).toMatchObject({
      status: "failed",
      output: null,
      error: "ExecutionFailed",
      error_cause: "Step 'gen' failed: model flux-2-pro failed: out of memory",
      total_cost: 0,
    });
    expect(execution.step_outputs.gen).toMatchObject({
      status: "failed",
      error: "model flux-2-pro failed: out of memory",
    });
  });

  it("bulk-triggers at /v1/workflows/bulk-trigger/{id}/{version}", async () => {
    const created = await createFromSteps(sim, [simpleStep], promptSchema);
    const answer = await json(sim, `${OFF}/bulk-trigger/${created.workflow_id}/v1`, {
      method: "POST",
      json: { inputs: [{ prompt: "a" }, { prompt: 5 }, {}] },
    });
    expect(answer.status).toBe(202);
    expect(answer.body.executions.map((entry: Loose) => entry.status)).toEqual([
      "queued",
      "queued",
      "failed",
    ]);
    const { execution } = await waitForExecution(
      sim,
      answer.body.executions[0].execution_id as string,
      { base: OFF },
    );
    expect(execution.bulk_id).toBe(answer.body.bulk_id);
  });

  it("serves /v1/public/@{nickname}/... for shared versions; triggering needs api_key in the body or X-API-Key, not Bearer", async () => {
    const created = await createFromSteps(sim, [simpleStep], promptSchema);
    await json(sim, `${OFF}/${created.workflow_id}/versions/v1`, {
      method: "PUT",
      json: { allowed_to_share: true },
    });
    const url = `/v1/public/@${nicknameFor(KEY)}/workflows/${created.slug}/versions/v1`;
    expect((await json(sim, url, { key: null })).body).toMatchObject({
      workflow_id: created.workflow_id,
      version_id: "v1",
    });
    const noKey = await json(sim, `${url}/trigger`, {
      method: "POST",
      key: null,
      json: { inputs: { prompt: "x" } },
    });
    expect(noKey.status).toBe(401);
    const bearer = await json(sim, `${url}/trigger`, {
      method: "POST",
      auth: "bearer",
      json: { inputs: { prompt: "x" } },
    });
    expect(bearer.status).toBe(401);
    const inBody = await json(sim, `${url}/trigger`, {
      method: "POST",
      key: null,
      json: { api_key: OTHER_KEY, inputs: { prompt: "x" } },
    });
    expect(inBody.status).toBe(202);
    expect(inBody.body).toEqual({ execution_id: inBody.body.execution_id, status: "queued" });
    const header = await json(sim, `${url}/trigger`, {
      method: "POST",
      json: { inputs: { prompt: "x" } },
    });
    expect(header.status).toBe(202);
    await json(sim, `${OFF}/${created.workflow_id}/versions/v1`, {
      method: "PUT",
      json: { allowed_to_share: false },
    });
    expect((await json(sim, url, { key: null })).status).toBe(404);
  });

  it("also serves the reference paths in the official dialect, with official bodies", async () => {
    const created = await createFromSteps(sim, [simpleStep], promptSchema);
    const answer = await json(sim, `${REF}/${created.workflow_id}/trigger`, {
      method: "POST",
      json: { inputs: { prompt: "x" } },
    });
    expect(answer.body).toEqual({ execution_id: answer.body.execution_id, status: "queued" });
    expect((await json(sim, `${REF}/workflows/nope`)).body).toMatchObject({ status: 404 });
  });

  it("refuses to start a run when the key's balance is exhausted (402)", async () => {
    const created = await createFromSteps(sim, [simpleStep], promptSchema);
    await sim.control({ balance: 0 });
    const answer = await json(sim, `${OFF}/trigger/${created.workflow_id}/v1`, {
      method: "POST",
      json: { inputs: { prompt: "x" } },
    });
    expect(answer).toMatchObject({ status: 402, body: { status: 402, error: "payment required" } });
  });
});
