import { createHmac } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  sleep,
  startReceiver,
  startTestSimulator,
  until,
  type ReceivedWebhook,
  type TestSimulator,
} from "./helpers.js";

const SECRET = "whsec_test";

/** What a receiver must do: recompute the HMAC over "<timestamp>.<raw body>". */
function verify(webhook: ReceivedWebhook, secret: string): boolean {
  const timestamp = String(webhook.headers["x-webhook-timestamp"]);
  const expected = `sha256=${createHmac("sha256", secret).update(`${timestamp}.${webhook.body}`).digest("hex")}`;
  return webhook.headers["x-webhook-signature"] === expected;
}

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
const receivers: Receiver[] = [];
async function receiver(respond?: (index: number) => number): Promise<Receiver> {
  const started = await startReceiver(respond);
  receivers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((entry) => entry.close()));
});

interface Attempt {
  status: string;
  status_code: number | null;
}

/** The delivery's attempts; none yet while the prediction runs (the delivery is created when it ends). */
async function attemptsOf(sim: TestSimulator, id: string): Promise<Attempt[]> {
  const response = await sim.call(`/v1/webhooks/${id}`);
  if (response.status === 404) return [];
  return ((await response.json()) as { attempts: Attempt[] }).attempts;
}

describe("webhooks (reference dialect)", () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    // 0.001: the ~30 s / ~2 min / ~10 min retry schedule takes 30 / 120 / 600 ms.
    sim = await startTestSimulator({ timeFactor: 0.001 });
  });
  afterAll(() => sim.close());

  it("posts a signed success payload that verifies with HMAC-SHA256", async () => {
    const hook = await receiver();
    const id = await sim.create(
      "flux-2-pro",
      { prompt: "signed", seed: 1 },
      { webhook_url: hook.url, webhook_secret: SECRET },
    );
    const webhook = await until(() => hook.received[0]);
    expect(verify(webhook, SECRET)).toBe(true);
    expect(verify(webhook, "wrong")).toBe(false);
    expect(
      Math.abs(Number(webhook.headers["x-webhook-timestamp"]) - Date.now() / 1000),
    ).toBeLessThan(30);
    expect(webhook.headers["x-webhook-secret"]).toBeUndefined();
    expect(JSON.parse(webhook.body)).toEqual({
      id,
      status: "success",
      output: [expect.stringMatching(/\.png$/)],
      input: { prompt: "signed", seed: 1 },
      metrics: { predict_time: expect.any(Number), cost: 0.04 },
    });
  });

  it("posts the failed payload with logs, unsigned when there is no secret", async () => {
    const hook = await receiver();
    const id = await sim.create("flux-2-pro", { prompt: "nsfw" }, { webhook_url: hook.url });
    const webhook = await until(() => hook.received[0]);
    expect(webhook.headers["x-webhook-signature"]).toBeUndefined();
    expect(JSON.parse(webhook.body)).toEqual({
      id,
      status: "failed",
      output: null,
      input: { prompt: "nsfw" },
      logs: "Error: content filter triggered",
    });
  });

  it("retries after non-2xx answers and records every attempt, with the same signature each time", async () => {
    const hook = await receiver((index) => (index < 2 ? 500 : 200));
    const id = await sim.create(
      "flux-2-pro",
      { prompt: "retry me" },
      { webhook_url: hook.url, webhook_secret: SECRET },
    );
    await until(() => hook.received[2]);
    await until(async () =>
      (await attemptsOf(sim, id)).at(-1)?.status === "SUCCESS" ? true : undefined,
    );
    const attempts = await attemptsOf(sim, id);
    expect(attempts.map((attempt) => [attempt.status, attempt.status_code])).toEqual([
      ["FAILED", 500],
      ["FAILED", 500],
      ["SUCCESS", 200],
    ]);
    expect(
      new Set(hook.received.map((webhook) => webhook.headers["x-webhook-signature"])).size,
    ).toBe(1);
    expect(hook.received.every((webhook) => verify(webhook, SECRET))).toBe(true);
  });

  it("gives up after 1 + 3 attempts on the reference schedule", async () => {
    const hook = await receiver(() => 503);
    const id = await sim.create("flux-2-pro", { prompt: "never" }, { webhook_url: hook.url });
    await until(async () =>
      (await attemptsOf(sim, id)).length === 4 && hook.received.length === 4 ? true : undefined,
    );
    await sleep(100);
    expect(hook.received).toHaveLength(4);
  });

  it("records a network error as a FAILED attempt", async () => {
    const id = await sim.create(
      "flux-2-pro",
      { prompt: "nobody home" },
      { webhook_url: "http://127.0.0.1:9/hook" },
    );
    const attempts = await until(async () => {
      const list = await attemptsOf(sim, id);
      return list.length > 0 && list[0]?.status === "FAILED" ? list : undefined;
    });
    expect(attempts[0]).toMatchObject({
      status: "FAILED",
      status_code: null,
      error_message: expect.any(String),
    });
  });

  it("sends a cancelled payload on cancel", async () => {
    const hook = await receiver();
    const id = await sim.create("flux-2-pro", { prompt: "[[hang]]" }, { webhook_url: hook.url });
    await sim.call(`/v1/prediction/${id}/cancel`, { method: "POST" });
    const webhook = await until(() => hook.received[0]);
    expect(JSON.parse(webhook.body)).toMatchObject({ id, status: "cancelled", output: null });
  });

  it("lists deliveries with paging and shows one with its attempts", async () => {
    const hook = await receiver();
    const id = await sim.create(
      "flux-2-pro",
      { prompt: "listed" },
      { webhook_url: hook.url, webhook_secret: SECRET },
    );
    await until(() => hook.received[0]);
    const list = (await (await sim.call("/v1/webhooks?limit=1")).json()) as Record<string, unknown>;
    expect(list).toMatchObject({ limit: 1, offset: 0, total_count: expect.any(Number) });
    expect(list.webhooks).toEqual([
      {
        execution_id: id,
        url: hook.url,
        request: expect.any(String),
        headers: expect.objectContaining({ "X-Webhook-Signature": expect.any(String) }),
        source: "prediction",
        created_at: expect.any(String),
      },
    ]);
    const detail = (await (await sim.call(`/v1/webhooks/${id}`)).json()) as Record<string, unknown>;
    expect(detail).toMatchObject({
      execution_id: id,
      attempts: [
        {
          status: "SUCCESS",
          status_code: 200,
          response: "first",
          error_message: null,
          created_at: expect.any(String),
        },
      ],
    });
  });

  it.each([
    ["/v1/webhooks/not-a-uuid", 400, { error: "invalid execution_id" }],
    ["/v1/webhooks/00000000-0000-4000-8000-000000000000", 404, { error: "webhook not found" }],
    ["/v1/webhooks?limit=101", 400, { error: "invalid limit parameter" }],
  ])("GET %s answers %i", async (path, status, body) => {
    const response = await sim.call(path);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual(body);
  });

  it("[[webhook-duplicate]] delivers the same signed event twice", async () => {
    const hook = await receiver();
    await sim.create(
      "flux-2-pro",
      { prompt: "twice [[webhook-duplicate]]" },
      { webhook_url: hook.url, webhook_secret: SECRET },
    );
    await until(() => hook.received[1]);
    const [first, second] = hook.received;
    expect(second?.body).toBe(first?.body);
    expect(second?.headers["x-webhook-signature"]).toBe(first?.headers["x-webhook-signature"]);
  });

  it("[[webhook-fail]] never reaches the receiver, and every attempt is recorded as FAILED", async () => {
    const hook = await receiver();
    const id = await sim.create(
      "flux-2-pro",
      { prompt: "lost [[webhook-fail]]" },
      { webhook_url: hook.url },
    );
    const attempts = await until(async () => {
      const list = await attemptsOf(sim, id);
      return list.length === 4 ? list : undefined;
    });
    expect(attempts.every((attempt) => attempt.status === "FAILED")).toBe(true);
    expect(hook.received).toHaveLength(0);
  });

  it("[[webhook-bad-signature]] signs with the wrong secret", async () => {
    const hook = await receiver();
    await sim.create(
      "flux-2-pro",
      { prompt: "forged [[webhook-bad-signature]]" },
      { webhook_url: hook.url, webhook_secret: SECRET },
    );
    const webhook = await until(() => hook.received[0]);
    expect(verify(webhook, SECRET)).toBe(false);
  });

  it("late webhooks arrive after polling already shows success", async () => {
    await sim.control({ lateWebhooksMs: 300 });
    try {
      const hook = await receiver();
      const id = await sim.create("flux-2-pro", { prompt: "late" }, { webhook_url: hook.url });
      const { prediction } = await sim.waitForEnd(id);
      expect(prediction.status).toBe("success");
      const finishedAt = Date.now();
      expect(hook.received).toHaveLength(0);
      const webhook = await until(() => hook.received[0]);
      expect(webhook.at - finishedAt).toBeGreaterThan(150);
    } finally {
      await sim.control({ lateWebhooksMs: 0 });
    }
  });
});

describe("webhooks (official dialect)", () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator({ dialect: "official", timeFactor: 0.001 });
  });
  afterAll(() => sim.close());

  it("posts the official success shape with the signature and the legacy secret header", async () => {
    const hook = await receiver();
    const id = await sim.create(
      "flux-2-pro",
      { prompt: "official" },
      { webhook_url: hook.url, webhook_secret: SECRET },
    );
    const webhook = await until(() => hook.received[0]);
    expect(verify(webhook, SECRET)).toBe(true);
    expect(webhook.headers["x-webhook-secret"]).toBe(SECRET);
    expect(JSON.parse(webhook.body)).toEqual({
      exec_id: id,
      flow_id: null,
      status: "succeeded",
      output: [expect.stringMatching(/\.png$/)],
      error: "",
    });
  });

  it("posts failures with the error inside output[0]", async () => {
    const hook = await receiver();
    await sim.create("flux-2-pro", { prompt: "[[fail]]" }, { webhook_url: hook.url });
    const webhook = await until(() => hook.received[0]);
    expect(JSON.parse(webhook.body)).toMatchObject({
      status: "failed",
      error: "",
      output: [
        {
          id: "",
          status: "",
          output: "",
          error: { error_code: "EXECUTION_FAILED", error_message: "model execution failed" },
        },
      ],
    });
  });

  it("makes 3 attempts in total", async () => {
    const hook = await receiver(() => 500);
    const id = await sim.create(
      "flux-2-pro",
      { prompt: "three strikes" },
      { webhook_url: hook.url },
    );
    await until(async () =>
      (await attemptsOf(sim, id)).length === 3 && hook.received.length === 3 ? true : undefined,
    );
    await sleep(60);
    expect(hook.received).toHaveLength(3);
  });

  it("sends no webhook for a cancelled prediction", async () => {
    const hook = await receiver();
    const id = await sim.create("flux-2-pro", { prompt: "[[hang]]" }, { webhook_url: hook.url });
    await sim.call(`/v1/prediction/${id}/cancel`, { method: "POST" });
    await sleep(100);
    expect(hook.received).toHaveLength(0);
    expect((await sim.call(`/v1/webhooks/${id}`)).status).toBe(404);
  });
});
