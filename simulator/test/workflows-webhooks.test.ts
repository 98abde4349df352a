import { createHmac, timingSafeEqual } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startReceiver, startTestSimulator, until, type TestSimulator } from "./helpers.js";
import {
  createFromSteps,
  json,
  OFF,
  REF,
  trigger,
  waitForExecution,
  type Loose,
} from "./workflows-helpers.js";

const SECRET = "whsec_workflows";
const promptSchema = {
  type: "object",
  properties: { prompt: { type: "string" } },
  required: ["prompt"],
};
const generate = {
  step_id: "gen",
  type: "model",
  model: "flux-2-pro",
  params: { prompt: "{{inputs.prompt}}" },
};

/** What a receiver does: recompute HMAC-SHA256(secret, "<timestamp>.<raw body>") and compare in constant time. */
function verify(
  headers: Record<string, string | string[] | undefined>,
  body: string,
  secret: string,
): boolean {
  const timestamp = headers["x-webhook-timestamp"];
  const signature = headers["x-webhook-signature"];
  if (typeof timestamp !== "string" || typeof signature !== "string") return false;
  const expected = `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
  return (
    expected.length === signature.length &&
    timingSafeEqual(Buffer.from(expected), Buffer.from(signature))
  );
}

describe("each::workflows webhooks", () => {
  let sim: TestSimulator;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    sim = await startTestSimulator();
  });
  afterEach(async () => {
    await receiver.close();
    await sim.call("/__simulator/reset", { method: "POST", key: null });
  });
  afterAll(() => sim.close());

  it("posts the reference success payload {execution_id, workflow_id, status, inputs, step_outputs, output}, signed and verifiable", async () => {
    receiver = await startReceiver();
    const workflow = await createFromSteps(sim, [generate], promptSchema);
    const id = await trigger(
      sim,
      workflow.workflow_id as string,
      { prompt: "a signed run" },
      {
        webhook_url: receiver.url,
        webhook_secret: SECRET,
      },
    );
    const { execution } = await waitForExecution(sim, id);
    const delivery = await until(() => receiver.received[0]);
    const payload = JSON.parse(delivery.body) as Loose;
    expect(Object.keys(payload).sort()).toEqual(
      ["execution_id", "inputs", "output", "status", "step_outputs", "workflow_id"].sort(),
    );
    expect(payload).toMatchObject({
      execution_id: id,
      workflow_id: workflow.workflow_id,
      status: "completed",
      inputs: { prompt: "a signed run" },
      output: execution.output,
    });
    expect(payload.step_outputs.gen.primary).toBe(execution.step_outputs.gen.primary);
    expect(verify(delivery.headers, delivery.body, SECRET)).toBe(true);
    expect(verify(delivery.headers, delivery.body, "another secret")).toBe(false);
    expect(delivery.headers["x-webhook-secret"]).toBeUndefined();
    const recorded = await json(sim, `/v1/webhooks/${id}`);
    expect(recorded.body).toMatchObject({
      execution_id: id,
      source: "workflow",
      url: receiver.url,
    });
    expect(recorded.body.attempts[0]).toMatchObject({ status: "SUCCESS", status_code: 200 });
  });

  it("posts the reference failure payload {status: failed, error: ExecutionFailed, error_cause}, and retries a receiver that answered 500", async () => {
    receiver = await startReceiver((index) => (index === 0 ? 500 : 200));
    const workflow = await createFromSteps(sim, [generate], promptSchema);
    const id = await trigger(
      sim,
      workflow.workflow_id as string,
      { prompt: "boom [[fail:no GPU]]" },
      {
        webhook_url: receiver.url,
      },
    );
    await waitForExecution(sim, id);
    await until(() => receiver.received[1], 5_000);
    const [first, second] = receiver.received;
    expect(first?.body).toBe(second?.body);
    expect(JSON.parse(second?.body ?? "{}")).toEqual({
      execution_id: id,
      workflow_id: workflow.workflow_id,
      status: "failed",
      error: "ExecutionFailed",
      error_cause: "Step 'gen' failed: model flux-2-pro failed: no GPU",
    });
    expect(second?.headers["x-webhook-signature"]).toBeUndefined();
    const attempts = (await json(sim, `/v1/webhooks/${id}`)).body.attempts as Loose[];
    expect(attempts.map((attempt) => attempt.status)).toEqual(["FAILED", "SUCCESS"]);
  });

  it("gives every execution of a bulk trigger its own webhook carrying bulk_id", async () => {
    receiver = await startReceiver();
    const workflow = await createFromSteps(sim, [generate], promptSchema);
    const answer = await json(sim, `${REF}/${workflow.workflow_id}/bulk-trigger`, {
      method: "POST",
      json: {
        inputs: [{ prompt: "one" }, { prompt: "two" }],
        webhook_url: receiver.url,
        webhook_secret: SECRET,
      },
    });
    await until(() => (receiver.received.length >= 2 ? true : undefined));
    const payloads = receiver.received.map((delivery) => JSON.parse(delivery.body) as Loose);
    expect(payloads.map((payload) => payload.bulk_id)).toEqual([
      answer.body.bulk_id,
      answer.body.bulk_id,
    ]);
    expect(new Set(payloads.map((payload) => payload.execution_id)).size).toBe(2);
    expect(
      receiver.received.every((delivery) => verify(delivery.headers, delivery.body, SECRET)),
    ).toBe(true);
  });

  it("official: the webhook body is the Get-Execution body, signed, with the legacy X-Webhook-Secret; webhook_url may come as a query parameter", async () => {
    receiver = await startReceiver();
    await sim.control({ dialect: "official" });
    const workflow = await createFromSteps(sim, [generate], promptSchema);
    const answer = await json(
      sim,
      `${OFF}/trigger/${workflow.workflow_id}/v1?webhook_url=${encodeURIComponent(receiver.url)}`,
      { method: "POST", json: { inputs: { prompt: "official" }, webhook_secret: SECRET } },
    );
    const id = answer.body.execution_id as string;
    const { execution } = await waitForExecution(sim, id, { base: OFF });
    const delivery = await until(() => receiver.received[0]);
    expect(JSON.parse(delivery.body)).toEqual(execution);
    expect(verify(delivery.headers, delivery.body, SECRET)).toBe(true);
    expect(delivery.headers["x-webhook-secret"]).toBe(SECRET);
  });

  it("reads [[webhook-bad-signature]] from the inputs like a prediction does", async () => {
    receiver = await startReceiver();
    const workflow = await createFromSteps(sim, [generate], promptSchema);
    await trigger(
      sim,
      workflow.workflow_id as string,
      { prompt: "forged [[webhook-bad-signature]]" },
      {
        webhook_url: receiver.url,
        webhook_secret: SECRET,
      },
    );
    const delivery = await until(() => receiver.received[0]);
    expect(verify(delivery.headers, delivery.body, SECRET)).toBe(false);
  });
});
