import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestSimulator, type TestSimulator } from "./helpers.js";

describe("misbehaviour switches", () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator();
  });
  afterEach(async () => {
    await sim.call("/__simulator/reset", { method: "POST", key: null });
  });
  afterAll(() => sim.close());

  const failing = (
    spec: string,
    init: Parameters<TestSimulator["call"]>[1] = {},
  ): Promise<Response> =>
    sim.call("/v1/webhooks", { ...init, headers: { "X-Simulator-Fail": spec } });

  it.each([
    [401, { error: "Invalid or missing API key" }],
    [402, { error: "Payment required: insufficient balance" }],
    [429, { error: "Rate limit exceeded" }],
    [500, { error: "Internal server error" }],
    [503, { error: "Service unavailable" }],
  ])("X-Simulator-Fail: %i answers that status with the real error body", async (status, body) => {
    const response = await failing(String(status));
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual(body);
    if (status === 429) {
      expect(response.headers.get("retry-after")).toBe("1");
      expect(response.headers.get("x-ratelimit-remaining")).toBe("0");
      expect(response.headers.get("x-ratelimit-reset")).toBeTruthy();
    }
    if (status === 503) expect(response.headers.get("retry-after")).toBe("1");
  });

  it("X-Simulator-Fail: 429:7 sets Retry-After to 7 seconds", async () => {
    expect((await failing("429:7")).headers.get("retry-after")).toBe("7");
  });

  it("X-Simulator-Fail: slow:150 delays, then answers normally", async () => {
    const started = Date.now();
    const response = await failing("slow:150");
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("X-Simulator-Fail: hang never answers, so the client's timeout fires", async () => {
    await expect(failing("hang", { signal: AbortSignal.timeout(200) })).rejects.toThrow();
  });

  it("X-Simulator-Fail: timeout:100 answers 504 after the wait", async () => {
    const started = Date.now();
    const response = await failing("timeout:100");
    expect(response.status).toBe(504);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });

  it("X-Simulator-Fail: reset drops the connection", async () => {
    await expect(failing("reset")).rejects.toThrow();
  });

  it("X-Simulator-Fail: malformed sends a truncated JSON body with 200", async () => {
    const response = await failing("malformed");
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow();
  });

  it("refuses an X-Simulator-Fail value it does not know", async () => {
    expect((await failing("explode")).status).toBe(400);
  });

  it("fails the next N authenticated requests on request of the control API, then recovers", async () => {
    expect((await sim.control({ next: { status: 429, count: 3, retryAfter: 2 } })).status).toBe(
      200,
    );
    // A refused key is answered 401 first and does not use up the rule.
    expect((await sim.call("/v1/webhooks", { key: null })).status).toBe(401);
    for (let index = 0; index < 3; index += 1) {
      const response = await sim.call("/v1/webhooks");
      expect(response.status).toBe(429);
      expect(response.headers.get("retry-after")).toBe("2");
    }
    expect((await sim.call("/v1/webhooks")).status).toBe(200);
  });

  it("targets a rule at one path and method: 5xx on create, then success", async () => {
    await sim.control({
      next: [
        { status: 500, path: "/v1/prediction", method: "POST" },
        { status: 503, path: "/v1/prediction", method: "POST" },
      ],
    });
    expect((await sim.call("/v1/model?slug=flux-2-pro")).status).toBe(200);
    const body = { model: "flux-2-pro", version: "1.0.0", input: { prompt: "retry" } };
    expect((await sim.call("/v1/prediction", { method: "POST", json: body })).status).toBe(500);
    expect((await sim.call("/v1/prediction", { method: "POST", json: body })).status).toBe(503);
    expect((await sim.call("/v1/prediction", { method: "POST", json: body })).status).toBe(201);
  });

  it("queues transport faults too (hang once)", async () => {
    await sim.control({ next: { fault: "hang" } });
    await expect(sim.call("/v1/webhooks", { signal: AbortSignal.timeout(150) })).rejects.toThrow();
    expect((await sim.call("/v1/webhooks")).status).toBe(200);
  });

  it("fails a media download only when a rule targets /media", async () => {
    const { prediction } = await sim.waitForEnd(await sim.create("flux-2-pro", { prompt: "cdn" }));
    const url = (prediction.output as string[])[0] ?? "";
    await sim.control({ next: { status: 429 } });
    expect((await fetch(url)).status).toBe(200); // an untargeted rule waits for an API call
    await sim.control({ clearNext: true, next: { status: 503, path: "/media" } });
    expect((await fetch(url)).status).toBe(503);
    expect((await fetch(url)).status).toBe(200);
  });

  it("switches dialect at run time", async () => {
    await sim.control({ dialect: "official" });
    const created = await sim.call("/v1/prediction", {
      method: "POST",
      json: { model: "flux-2-pro", input: { prompt: "x" } },
    });
    expect(created.status).toBe(200);
    expect(await (await sim.call("/health", { key: null })).json()).toEqual({
      status: "ok",
      dialect: "official",
    });
  });

  it("fails every prediction with failRate 1, with logs", async () => {
    await sim.control({ failRate: 1 });
    const { prediction } = await sim.waitForEnd(
      await sim.create("flux-2-pro", { prompt: "unlucky" }),
    );
    expect(prediction.status).toBe("failed");
    expect(prediction.logs).toMatch(/^Error: CUDA out of memory/m);
  });

  it("answers 500 to every authenticated request with errorRate 1", async () => {
    await sim.control({ errorRate: 1 });
    expect((await sim.call("/v1/webhooks")).status).toBe(500);
  });

  it("adds latencyMs to every API response", async () => {
    await sim.control({ latencyMs: 120 });
    const started = Date.now();
    await sim.call("/v1/webhooks");
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it("refuses unknown or bad config fields and applies nothing", async () => {
    const response = await sim.control({ failRate: 0.5, latencyMs: -1, bogus: true });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { problems: string[] };
    expect(body.problems).toHaveLength(2);
    const config = (await (await sim.call("/__simulator/config", { key: null })).json()) as {
      failRate: number;
    };
    expect(config.failRate).toBe(0);
  });

  it("lists predictions at /__simulator/predictions and forgets them on reset", async () => {
    const id = await sim.create("flux-2-pro", { prompt: "listed", seed: 4 });
    const listed = (await (await sim.call("/__simulator/predictions", { key: null })).json()) as {
      predictions: Record<string, unknown>[];
    };
    expect(listed.predictions[0]).toMatchObject({
      id,
      model: "flux-2-pro",
      seed: 4,
      planned_outcome: "success",
    });
    await sim.call("/__simulator/reset", { method: "POST", key: null });
    expect(await (await sim.call("/__simulator/predictions", { key: null })).json()).toEqual({
      predictions: [],
    });
  });
});
