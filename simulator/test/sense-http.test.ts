import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { KEY, startTestSimulator, type TestSimulator } from "./helpers.js";
import { eventOf, senseJson, senseStream, user } from "./sense-helpers.js";

describe("each::sense HTTP surface", () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator();
  });
  afterEach(async () => {
    await sim.call("/__simulator/reset", { method: "POST", key: null });
  });
  afterAll(() => sim.close());

  it("accepts the key as X-API-Key or Authorization: Bearer", async () => {
    const viaHeader = await senseStream(sim, { messages: user("hello") }, { auth: "x-api-key" });
    const viaBearer = await senseStream(sim, { messages: user("hello") }, { auth: "bearer" });
    expect(eventOf(viaHeader, "complete").status).toBe("ok");
    expect(eventOf(viaBearer, "complete").status).toBe("ok");
    expect((await sim.call("/sense/sessions", { auth: "bearer" })).status).toBe(200);
  });

  it("answers 401 {error} without a valid key (reference) and FastAPI {detail} in the official dialect", async () => {
    for (const key of [null, "sim_wrong_key"]) {
      const response = await senseJson(sim, { messages: user("hello") }, { key });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ error: "Invalid or missing API key" });
    }
    expect((await sim.call("/sense/memory?session_id=x", { key: null })).status).toBe(401);
    await sim.control({ dialect: "official" });
    expect((await senseJson(sim, { messages: user("hello") }, { key: null })).body).toEqual({
      detail: "API key is required.",
    });
    expect(
      (await senseJson(sim, { messages: user("hello") }, { key: "sim_wrong_key" })).body,
    ).toEqual({
      detail: "Invalid API key. Please check your API key and try again.",
    });
  });

  it("lists the OpenAI model list at /v1/models without auth", async () => {
    const response = await sim.call("/sense/v1/models", { key: null });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      object: "list",
      data: [
        {
          id: "eachsense/beta",
          object: "model",
          created: expect.any(Number),
          owned_by: "eachlabs",
        },
      ],
    });
  });

  it("serves /health and /healthz without auth", async () => {
    const health = await sim.call("/sense/health", { key: null });
    expect(await health.json()).toEqual({
      status: "healthy",
      version: "2.0.0",
      timestamp: expect.any(String),
    });
    const healthz = await sim.call("/sense/healthz", { key: null });
    expect(healthz.headers.get("content-type")).toContain("text/plain");
    expect(await healthz.text()).toBe("ok");
  });

  it("answers a missing messages field with 422 {error} (reference) and FastAPI's value_error.missing (official)", async () => {
    const reference = await senseJson(sim, { model: "eachsense/beta" });
    expect(reference.status).toBe(422);
    expect(reference.body).toEqual({ error: "messages field is required" });
    await sim.control({ dialect: "official" });
    const official = await senseJson(sim, { model: "eachsense/beta" });
    expect(official.status).toBe(422);
    expect(official.body).toEqual({
      detail: [{ loc: ["body", "messages"], msg: "field required", type: "value_error.missing" }],
    });
  });

  it("validates roles, content, mode, behavior, flags and image_urls with 422", async () => {
    const bad = async (body: Record<string, unknown>) => senseJson(sim, body);
    expect((await bad({ messages: [{ role: "robot", content: "hi" }] })).body).toEqual({
      error: "messages[0].role must be 'user', 'assistant', or 'system'",
    });
    expect((await bad({ messages: [] })).status).toBe(422);
    expect((await bad({ messages: [{ role: "user" }] })).status).toBe(422);
    expect((await bad({ messages: [{ role: "assistant", content: "hi" }] })).status).toBe(422);
    expect((await bad({ messages: user("hi"), mode: "turbo" })).body).toEqual({
      error: "mode must be one of: max, eco",
    });
    expect((await bad({ messages: user("hi"), behavior: "yolo" })).status).toBe(422);
    expect(
      (await bad({ messages: user("hi"), image_urls: "https://example.com/a.png" })).status,
    ).toBe(422);
    expect((await bad({ messages: user("hi"), web_search: "sometimes" })).status).toBe(422);
    await sim.control({ dialect: "official" });
    expect((await bad({ messages: user("hi"), mode: "turbo" })).body).toEqual({
      detail: [
        {
          loc: ["body", "mode"],
          msg: "value is not a valid enumeration member; permitted: 'max', 'eco'",
          type: "type_error.enum",
          ctx: { enum_values: ["max", "eco"] },
        },
      ],
    });
    expect((await bad({ messages: [{ role: "robot", content: "hi" }] })).body).toEqual({
      detail: "messages[0].role must be 'user', 'assistant', or 'system'",
    });
  });

  it("answers a body that is not JSON with 400 (reference) or 422 value_error.jsondecode (official)", async () => {
    const send = () =>
      sim.call("/sense/v1/chat/completions", {
        method: "POST",
        body: "{not json",
        headers: { "Content-Type": "application/json" },
      });
    const reference = await send();
    expect(reference.status).toBe(400);
    expect(await reference.json()).toEqual({ error: "invalid request body" });
    await sim.control({ dialect: "official" });
    const official = await send();
    expect(official.status).toBe(422);
    expect(((await official.json()) as { detail: { type: string }[] }).detail[0]?.type).toBe(
      "value_error.jsondecode",
    );
  });

  it("requires session_id on /memory (422) and message on /workflow and /chat (422)", async () => {
    const memory = await sim.call("/sense/memory");
    expect(memory.status).toBe(422);
    expect(await memory.json()).toEqual({ error: "session_id field is required" });
    expect((await senseJson(sim, {}, { path: "/sense/workflow" })).body).toEqual({
      error: "message field is required",
    });
    await sim.control({ dialect: "official" });
    expect((await senseJson(sim, {}, { path: "/sense/chat" })).body).toEqual({
      detail: [{ loc: ["body", "message"], msg: "field required", type: "value_error.missing" }],
    });
  });

  it("answers unknown sense paths 404 and wrong methods 405 with Allow", async () => {
    const missing = await sim.call("/sense/v2/nothing");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "Not found" });
    const wrong = await sim.call("/sense/v1/chat/completions");
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST");
  });

  it("sends X-Request-Id, X-Task-Id, X-Session-Id and X-RateLimit headers on chat responses", async () => {
    const stream = await senseStream(sim, { messages: user("hello"), session_id: "headers" });
    const headers = stream.response.headers;
    expect(headers.get("x-request-id")).toMatch(/^req_/);
    expect(headers.get("x-task-id")).toBe(eventOf(stream, "complete").task_id);
    expect(headers.get("x-session-id")).toBe("headers");
    expect(headers.get("x-ratelimit-limit")).toBeTruthy();
    expect(headers.get("x-ratelimit-remaining")).toBeTruthy();
  });

  it("resets sessions and built workflows with POST /__simulator/reset", async () => {
    await senseJson(sim, { messages: user("hello"), session_id: "to-reset" });
    const built = await senseJson(
      sim,
      { message: "generate an image and upscale it" },
      { path: "/sense/workflow" },
    );
    await sim.call("/__simulator/reset", { method: "POST", key: null });
    expect((await sim.call("/sense/memory?session_id=to-reset", { key: KEY })).status).toBe(404);
    const update = await senseJson(
      sim,
      { message: "add an upscale step", workflow_id: built.body.workflow_id },
      { path: "/sense/workflow" },
    );
    expect(update.status).toBe(404);
  });
});
