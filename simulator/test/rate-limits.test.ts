import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { KEY, sleep, startTestSimulator, type TestSimulator } from "./helpers.js";

describe("rate limits (reference dialect)", () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator({ plan: "free", rateLimit: undefined, concurrency: undefined });
  });
  afterEach(async () => {
    await sim.control({ resetRateLimits: true });
  });
  afterAll(() => sim.close());

  it("puts X-RateLimit-* headers on every authenticated response, errors included", async () => {
    const responses = [
      await sim.call("/v1/model?slug=flux-2-pro"),
      await sim.call("/v1/prediction/00000000-0000-4000-8000-000000000000"),
      await sim.call("/v1/webhooks"),
      await sim.call("/v1/prediction", { method: "POST", json: { model: "flux-2-pro" } }),
    ];
    responses.forEach((response, index) => {
      expect(response.headers.get("x-ratelimit-limit")).toBe("10");
      expect(response.headers.get("x-ratelimit-remaining")).toBe(String(9 - index));
      expect(Number(response.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
    });
    expect(
      (await sim.call("/v1/models", { key: null })).headers.get("x-ratelimit-limit"),
    ).toBeNull();
  });

  it("answers the 11th request in a minute on the free plan with 429, Retry-After and Reset", async () => {
    for (let index = 0; index < 10; index += 1)
      expect((await sim.call("/v1/webhooks")).status).toBe(200);
    const refused = await sim.call("/v1/webhooks");
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({ error: "Rate limit exceeded" });
    expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(Number(refused.headers.get("x-ratelimit-reset"))).toBeCloseTo(
      Date.now() / 1000 + retryAfter,
      -1,
    );
    // Limits are per key.
    expect((await sim.call("/v1/webhooks", { key: "sim_other_key" })).status).toBe(200);
  });

  it("gives the quota back when the window ends", async () => {
    await sim.control({ rateWindowMs: 200 });
    try {
      for (let index = 0; index < 10; index += 1) await sim.call("/v1/webhooks");
      expect((await sim.call("/v1/webhooks")).status).toBe(429);
      await sleep(250);
      expect((await sim.call("/v1/webhooks")).status).toBe(200);
    } finally {
      await sim.control({ rateWindowMs: 60_000 });
    }
  });

  it("caps in-flight predictions at the plan's concurrency (2 on free)", async () => {
    const first = await sim.create("flux-2-pro", { prompt: "[[hang]] one" });
    await sim.create("flux-2-pro", { prompt: "[[hang]] two" });
    const third = await sim.call("/v1/prediction", {
      method: "POST",
      json: { model: "flux-2-pro", version: "1.0.0", input: { prompt: "three" } },
    });
    expect(third.status).toBe(429);
    expect(await third.json()).toEqual({ error: "Rate limit exceeded" });
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    await sim.call(`/v1/prediction/${first}/cancel`, { method: "POST" });
    expect(
      (
        await sim.call("/v1/prediction", {
          method: "POST",
          json: { model: "flux-2-pro", version: "1.0.0", input: { prompt: "four" } },
        })
      ).status,
    ).toBe(201);
  });
});

describe("balance limits (official dialect)", () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator({ dialect: "official", balanceUsd: 100 });
  });
  afterEach(async () => {
    await sim.call("/__simulator/reset", { method: "POST", key: null });
  });
  afterAll(() => sim.close());

  const submit = (model: string, prompt: string): Promise<Response> =>
    sim.call("/v1/prediction", { method: "POST", json: { model, input: { prompt } } });

  it("sends no X-RateLimit headers", async () => {
    const response = await sim.call("/v1/webhooks");
    expect(response.headers.get("x-ratelimit-limit")).toBeNull();
  });

  it("answers 402 when the estimated cost exceeds the balance left after in-flight reservations", async () => {
    await sim.control({ balance: 0.1 });
    expect((await submit("flux-2-pro", "[[hang]] a")).status).toBe(200); // reserves 0.04
    expect((await submit("flux-2-pro", "[[hang]] b")).status).toBe(200); // reserves 0.04
    const refused = await submit("flux-2-pro", "c");
    expect(refused.status).toBe(402);
    const body = (await refused.json()) as { status: number; error: string; details: string };
    expect(body).toMatchObject({ status: 402, error: "payment required" });
    expect(body.details).toContain("exceeds your current balance ($0.02)");
    expect((await submit("flux-2-max", "too dear")).status).toBe(402);
  });

  it("answers 429 'Account rate limited' at 10 in flight when the balance is $10 or less", async () => {
    await sim.control({ balance: 10 });
    for (let index = 0; index < 10; index += 1)
      expect((await submit("nano-banana-pro", `[[hang]] ${index}`)).status).toBe(200);
    const refused = await submit("nano-banana-pro", "eleventh");
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({
      status: 429,
      error: "too many requests",
      details: expect.stringMatching(/^Account rate limited: /),
    });
    expect(refused.headers.get("retry-after")).toBeTruthy();
  });

  it("allows only 2 metered (per-second) predictions in flight on a low balance", async () => {
    await sim.control({ balance: 10 });
    expect((await submit("wan-v2-6-text-to-video", "[[hang]] 1")).status).toBe(200);
    expect((await submit("wan-v2-6-text-to-video", "[[hang]] 2")).status).toBe(200);
    expect((await submit("wan-v2-6-text-to-video", "3")).status).toBe(429);
  });

  it("reports and charges the balance at GET /v1/billing/balance, 3 requests per second", async () => {
    const before = (await (await sim.call("/v1/billing/balance")).json()) as {
      balance_usd: number;
    };
    expect(before).toEqual({ balance_usd: 100 });
    await sim.waitForEnd(await sim.create("flux-2-max", { prompt: "charged" }));
    expect(await (await sim.call("/v1/billing/balance")).json()).toEqual({ balance_usd: 99.93 });
    await sim.control({ resetRateLimits: true });
    const statuses: number[] = [];
    for (let index = 0; index < 4; index += 1)
      statuses.push((await sim.call("/v1/billing/balance", { key: KEY })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await sim.call("/v1/billing/balance");
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(await refused.json()).toMatchObject({ status: 429, error: "too many requests" });
  });
});
