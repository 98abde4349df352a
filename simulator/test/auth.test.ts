import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KEY, startTestSimulator, type TestSimulator } from "./helpers.js";

describe.each(["reference", "official"] as const)("authentication (%s dialect)", (dialect) => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator({ dialect });
  });
  afterAll(() => sim.close());

  it.each(["x-api-key", "bearer"] as const)("accepts the key sent as %s", async (auth) => {
    const response = await sim.call("/v1/webhooks", { auth });
    expect(response.status).toBe(200);
  });

  it.each([
    ["no key", null],
    ["an unknown key", "sim_wrong"],
  ])("a request with %s gets 401 with the documented body", async (_label, key) => {
    const response = await sim.call("/v1/prediction", {
      key,
      method: "POST",
      json: { model: "flux-2-pro", version: "1.0.0", input: { prompt: "x" } },
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as Record<string, unknown>;
    if (dialect === "reference") expect(body).toEqual({ error: "Invalid or missing API key" });
    else
      expect(body).toMatchObject({
        status: 401,
        error: "Invalid or missing API key",
        details: expect.any(String),
      });
  });

  it("lists models without a key", async () => {
    expect((await sim.call("/v1/models", { key: null })).status).toBe(200);
  });

  it(`${dialect === "official" ? "serves" : "refuses"} model lookups without a key`, async () => {
    for (const path of ["/v1/model?slug=flux-2-pro", "/v1/models/flux-2-pro"]) {
      expect((await sim.call(path, { key: null })).status).toBe(dialect === "official" ? 200 : 401);
    }
  });

  it("echoes the client's X-Request-Id and generates one otherwise, even on errors", async () => {
    const echoed = await sim.call("/v1/webhooks", { headers: { "X-Request-Id": "trace-123" } });
    expect(echoed.headers.get("x-request-id")).toBe("trace-123");
    const refused = await sim.call("/v1/webhooks", { key: null });
    expect(refused.headers.get("x-request-id")).toMatch(/^req_[0-9a-f-]{36}$/);
    const health = await sim.call("/health", { key: null });
    expect(health.headers.get("x-request-id")).toBeTruthy();
  });

  it("answers /health without a key, naming the dialect", async () => {
    const response = await sim.call("/health", { key: null });
    expect(await response.json()).toEqual({ status: "ok", dialect });
  });

  it("answers an unknown path with 404 and a wrong method with 405", async () => {
    expect((await sim.call("/v1/nothing-here")).status).toBe(404);
    const wrongMethod = await sim.call("/v1/models", { method: "DELETE" });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("GET");
  });

  it("hides one key's predictions from other keys (404)", async () => {
    const id = await sim.create("flux-2-pro", { prompt: "mine" });
    expect((await sim.call(`/v1/prediction/${id}`, { key: "sim_other_key" })).status).toBe(404);
    expect((await sim.call(`/v1/prediction/${id}`, { key: KEY })).status).toBe(200);
  });
});
