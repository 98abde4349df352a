// Workflows against the real simulator process and a real (embedded) database: definitions
// checked before upstream, executions recorded first and followed to their end by polling
// or signed webhooks (both dialects), outputs kept as gallery assets, locked versions,
// bulk runs, shared versions, each::sense building from a sentence, and the official path
// family when the reference's is not there.
import { createHmac } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Db from "@/lib/db";
import type * as Build from "@/lib/workflows/build";
import type * as Client from "@/lib/workflows/client";
import type * as Examples from "@/lib/workflows/examples";
import type * as Hook from "@/lib/workflows/execution-webhook";
import type * as Manage from "@/lib/workflows/manage";
import type * as Queries from "@/lib/workflows/queries";
import type * as Save from "@/lib/workflows/save-outputs";
import type * as Sweeper from "@/lib/workflows/sweeper";
import type * as Trigger from "@/lib/workflows/trigger";
import { stepTimeline } from "@/lib/shared/workflow-timeline";
import { isTerminalExecution } from "@/lib/shared/workflow-types";
import { SIMULATOR_API_KEY as KEY } from "@/lib/config/env-schema";
import { startServerEnvironment, type ServerEnvironment } from "../support/server-environment";

let server: ServerEnvironment;
let dataDir = "";
let sim = "";

type Lib = {
  db: typeof Db.db;
  manage: typeof Manage;
  examples: typeof Examples;
  trigger: typeof Trigger;
  queries: typeof Queries;
  save: typeof Save;
  sweeper: typeof Sweeper;
  hook: typeof Hook;
  build: typeof Build;
  client: typeof Client;
};
let lib: Lib;
let user: { id: string };
let runner: { id: string };

// Stands in for the app's /api/webhooks/workflows route (its logic is handleExecutionWebhook).
const deliveries: { executionId: string | null; status: number; raw: string; headers: Headers }[] =
  [];
const receiver = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const raw = Buffer.concat(chunks).toString("utf8");
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === "string") headers.set(name, value);
    const executionId = new URL(req.url ?? "/", "http://x").searchParams.get("execution");
    void lib.hook.handleExecutionWebhook(executionId, raw, headers).then(
      (outcome) => {
        deliveries.push({ executionId, status: outcome.status, raw, headers });
        res.writeHead(outcome.status, { "Content-Type": "application/json" });
        res.end(JSON.stringify(outcome.body));
      },
      (error: unknown) => {
        res.writeHead(500);
        res.end(String(error));
      },
    );
  });
});

async function control(body: Record<string, unknown>) {
  const response = await fetch(`${sim}/__simulator/config`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
}

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  server = await startServerEnvironment({
    simulatorArgs: ["--time-factor", "0.1"],
    env: { NEXTAUTH_URL: receiverUrl, RUNS_PER_MINUTE: "200" },
  });
  ({ dataDir, simulatorUrl: sim } = server);
  lib = {
    db: (await import("@/lib/db")).db,
    manage: await import("@/lib/workflows/manage"),
    examples: await import("@/lib/workflows/examples"),
    trigger: await import("@/lib/workflows/trigger"),
    queries: await import("@/lib/workflows/queries"),
    save: await import("@/lib/workflows/save-outputs"),
    sweeper: await import("@/lib/workflows/sweeper"),
    hook: await import("@/lib/workflows/execution-webhook"),
    build: await import("@/lib/workflows/build"),
    client: await import("@/lib/workflows/client"),
  };
  user = await lib.db().user.create({ data: { email: "flows@example.test" } });
  runner = await lib.db().user.create({ data: { email: "runner@example.test" } });
}, 90_000);

afterAll(async () => {
  await lib?.db().$disconnect();
  await server?.stop();
  await new Promise((resolve) => receiver.close(resolve));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls like the execution page does: GET /api/workflows/executions/:id. */
async function followByPolling(userId: string, executionId: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const execution = await lib.queries.liveExecution(userId, executionId);
    if (isTerminalExecution(execution.status)) return execution;
    if (Date.now() > deadline) throw new Error(`execution still ${execution.status}`);
    await sleep(300);
  }
}

/** Waits without asking upstream: only a webhook can finish it. */
async function untilStored(executionId: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await lib.db().workflowExecution.findUniqueOrThrow({ where: { id: executionId } });
    if (isTerminalExecution(row.status)) return row;
    if (Date.now() > deadline) throw new Error(`execution still ${row.status}`);
    await sleep(200);
  }
}

async function upstreamWorkflowCount() {
  const response = await fetch(`${sim}/workflows/api/v1/workflows`, {
    headers: { "X-API-Key": KEY },
  });
  return ((await response.json()) as { total_count: number }).total_count;
}

function mediaFile(storageKey: string): Buffer {
  return fs.readFileSync(path.join(dataDir, "media", storageKey.slice(0, 2), storageKey));
}

let workflowId = "";

describe("a definition with a problem", () => {
  it("is refused naming the step, before anything reaches upstream", async () => {
    const before = await upstreamWorkflowCount();
    await expect(
      lib.manage.createWorkflowFor(user.id, {
        name: "Broken",
        definition: {
          steps: [
            { step_id: "generate", type: "model", model: "flux-2-pro" },
            { step_id: "upscale", type: "model", model: "x", params: { image: "{{gen.primary}}" } },
          ],
        },
      }),
    ).rejects.toMatchObject({
      code: "bad_request:definition",
      message: 'Step "upscale": references unknown step "gen".',
      extra: { fields: { "steps.upscale": 'Step "upscale": references unknown step "gen".' } },
    });
    expect(await upstreamWorkflowCount()).toBe(before);
    expect(await lib.db().workflow.count()).toBe(0);
  });
});

describe("the image-enhancement example", () => {
  it("is created upstream and listed with its version", async () => {
    workflowId = await lib.examples.createExampleFor(user.id, "image-enhancement-pipeline");
    const detail = await lib.manage.getWorkflowDetail(user.id, workflowId);
    expect(detail).toMatchObject({
      name: "Image Enhancement Pipeline",
      categories: ["image-generation"],
      source: "example",
      latestVersionId: "v1",
      synced: true,
      latestVersion: { versionId: "v1", status: "active", locked: false, stepCount: 2 },
    });
    expect(detail.versions.map((v) => v.versionId)).toEqual(["v1"]);
    expect(detail.versions[0]?.definition?.steps).toHaveLength(2);
    const [listed] = await lib.manage.listWorkflows(user.id, { category: "image-generation" });
    expect(listed?.id).toBe(workflowId);
    expect(await lib.manage.listWorkflows(user.id, { category: "upscaling" })).toEqual([]);
  });

  it("runs to completed through polling, with both steps' outputs kept as gallery assets", async () => {
    // No webhook for this one: only the refresh path can finish it.
    const executionId = await lib.trigger.triggerExecution(user.id, workflowId, {
      inputs: { prompt: "a lighthouse at dusk [[webhook-fail]]" },
    });
    const recorded = await lib.db().workflowExecution.findUniqueOrThrow({
      where: { id: executionId },
    });
    expect(recorded.upstreamExecutionId).toBeTruthy();
    expect(recorded.definition).toBeTruthy();

    const execution = await followByPolling(user.id, executionId);
    expect(execution.status).toBe("completed");
    const timeline = stepTimeline(execution.definition, execution.stepOutputs, execution.status);
    expect(timeline.map((step) => [step.stepId, step.status, step.model])).toEqual([
      ["generate", "done", "flux-2-pro"],
      ["upscale", "done", "topaz-upscale-image"],
    ]);
    expect(String(timeline[0]?.primary)).toMatch(/^http.*\.png$/);
    expect(execution.output).toEqual([timeline[1]?.primary]);

    await lib.save.saveExecutionOutputs(executionId);
    await lib.save.saveExecutionOutputs(executionId);
    const saved = await lib.queries.findExecution(user.id, executionId);
    expect(saved?.outputsSaved).toBe(true);
    expect(saved?.assets.map((a) => [a.stepId, a.position, a.kind])).toEqual([
      ["generate", 0, "image"],
      ["upscale", 0, "image"],
    ]);
    const assets = await lib.db().asset.findMany({
      where: { userId: user.id, source: "workflow" },
      orderBy: { createdAt: "asc" },
    });
    expect(assets).toHaveLength(2);
    expect(assets.map((a) => [a.modelSlug, a.prompt, a.inputs])).toEqual([
      [
        "flux-2-pro",
        "a lighthouse at dusk [[webhook-fail]]",
        { workflowId, executionId, stepId: "generate" },
      ],
      [
        "topaz-upscale-image",
        "a lighthouse at dusk [[webhook-fail]]",
        { workflowId, executionId, stepId: "upscale" },
      ],
    ]);
    for (const asset of assets)
      expect(mediaFile(asset.storageKey).subarray(1, 4).toString()).toBe("PNG");

    // Saving again (a late webhook, the sweeper) makes nothing new.
    await lib.db().workflowExecution.update({
      where: { id: executionId },
      data: { outputsSavedAt: null },
    });
    await lib.save.saveExecutionOutputs(executionId);
    expect(await lib.db().asset.count({ where: { source: "workflow" } })).toBe(2);
    const [summary] = await lib.manage.listWorkflows(user.id);
    expect(summary?.lastExecution).toMatchObject({ id: executionId, status: "completed" });
  });

  it("refuses inputs that break its input_schema, at the field, before upstream", async () => {
    const before = await lib.db().workflowExecution.count();
    await expect(
      lib.trigger.triggerExecution(user.id, workflowId, { inputs: { prompt: 5 } }),
    ).rejects.toMatchObject({
      code: "unprocessable:input",
      extra: { fields: { prompt: "Must be a string." } },
    });
    expect(await lib.db().workflowExecution.count()).toBe(before);
  });
});

describe("signed webhooks", () => {
  it("finish an execution in the reference dialect; replays and forgeries change nothing", async () => {
    const executionId = await lib.trigger.triggerExecution(user.id, workflowId, {
      inputs: { prompt: "a red fox" },
    });
    const row = await untilStored(executionId);
    expect(row.status).toBe("completed");
    const delivery = deliveries.find((d) => d.executionId === executionId);
    expect(delivery?.status).toBe(200);
    expect(JSON.parse(delivery!.raw)).toMatchObject({ status: "completed", step_outputs: {} });

    const replay = await lib.hook.handleExecutionWebhook(
      executionId,
      delivery!.raw,
      delivery!.headers,
    );
    expect(replay.status).toBe(200);
    const forged = new Headers(delivery!.headers);
    forged.set("x-webhook-signature", `sha256=${"0".repeat(64)}`);
    const refused = await lib.hook.handleExecutionWebhook(executionId, delivery!.raw, forged);
    expect(refused.status).toBe(401);
    const tampered = await lib.hook.handleExecutionWebhook(
      executionId,
      delivery!.raw.replace('"completed"', '"failed"'),
      delivery!.headers,
    );
    expect(tampered.status).toBe(401); // the body no longer matches its signature
    // A late, validly signed failure for the same execution: accepted, and harmless.
    const body = JSON.stringify({
      execution_id: row.upstreamExecutionId,
      status: "failed",
      error: "ExecutionFailed",
      error_cause: "too late",
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = createHmac("sha256", row.webhookSecret)
      .update(`${timestamp}.${body}`)
      .digest("hex");
    const late = await lib.hook.handleExecutionWebhook(
      executionId,
      body,
      new Headers({
        "x-webhook-timestamp": timestamp,
        "x-webhook-signature": `sha256=${signature}`,
      }),
    );
    expect(late.status).toBe(200);
    const after = await lib.db().workflowExecution.findUniqueOrThrow({
      where: { id: executionId },
    });
    expect([after.status, after.completedAt, after.error]).toEqual([
      row.status,
      row.completedAt,
      null,
    ]);
  });
});

describe("versions", () => {
  it("a locked version refuses every change with a clear error; a new version is v2", async () => {
    await lib.manage.saveVersion(user.id, workflowId, "v1", { locked: true });
    const definition = (await lib.manage.getWorkflowDetail(user.id, workflowId)).versions[0]
      ?.definition;
    expect(definition).toBeTruthy();
    const locked = {
      code: "forbidden:version_locked",
      message: "This version is locked; save a new version instead.",
    };
    await expect(
      lib.manage.saveVersion(user.id, workflowId, "v1", { definition }),
    ).rejects.toMatchObject(locked);
    // Even when our copy is behind, upstream's 403 reads the same.
    const v1 = { workflowId_versionId: { workflowId, versionId: "v1" } };
    await lib.db().workflowVersion.update({ where: v1, data: { locked: false } });
    await expect(
      lib.manage.saveVersion(user.id, workflowId, "v1", { allowedToShare: true }),
    ).rejects.toMatchObject(locked);

    const versionId = await lib.manage.saveNewVersion(user.id, workflowId, { definition });
    expect(versionId).toBe("v2");
    const detail = await lib.manage.getWorkflowDetail(user.id, workflowId);
    expect(detail.latestVersionId).toBe("v2");
    expect(detail.versions.map((v) => [v.versionId, v.locked])).toEqual([
      ["v1", true],
      ["v2", false],
    ]);
  });
});

describe("bulk triggers", () => {
  it("start three rows under one bulk id, and report a bad row on its own", async () => {
    const { bulkId, results } = await lib.trigger.bulkTriggerExecutions(user.id, workflowId, {
      inputs: [{ prompt: "one" }, { prompt: "two" }, { prompt: "three" }],
    });
    expect(bulkId).toBeTruthy();
    expect(results.map((r) => [r.index, r.ok])).toEqual([
      [0, true],
      [1, true],
      [2, true],
    ]);
    const ids = results.flatMap((r) => (r.ok ? [r.execution.id] : []));
    const rows = await lib.db().workflowExecution.findMany({ where: { id: { in: ids } } });
    expect(new Set(rows.map((r) => r.bulkId))).toEqual(new Set([bulkId]));
    expect(rows.every((r) => r.versionId === "v2")).toBe(true);
    // One webhook URL (naming the first row) and one secret serve the whole bulk: each
    // delivery's execution_id says which row it finishes.
    for (const id of ids) expect((await untilStored(id)).status).toBe("completed");
    const upstreamIds = rows.map((r) => r.upstreamExecutionId);
    const accepted = deliveries
      .filter((d) => d.executionId === ids[0] && d.status === 200)
      .map((d) => (JSON.parse(d.raw) as { execution_id: string }).execution_id);
    expect(new Set(accepted)).toEqual(new Set(upstreamIds));
    // The sweeper copies what nobody asked for.
    await lib.sweeper.sweepWorkflowExecutions(Date.now());
    const swept = await lib.db().workflowExecution.findMany({ where: { id: { in: ids } } });
    expect(swept.every((r) => r.outputsSavedAt !== null)).toBe(true);

    const mixed = await lib.trigger.bulkTriggerExecutions(user.id, workflowId, {
      inputs: [{ prompt: "fine" }, {}],
    });
    expect(mixed.results[0]?.ok).toBe(true);
    expect(mixed.results[1]).toMatchObject({
      index: 1,
      ok: false,
      error: { fields: { prompt: "This field is required." } },
    });
  });
});

describe("shared versions", () => {
  it("anyone can read one; a signed-in runner's execution is theirs", async () => {
    await lib.manage.saveVersion(user.id, workflowId, "v2", { allowedToShare: true });
    const detail = await lib.manage.getWorkflowDetail(user.id, workflowId);
    const share = detail.versions.find((v) => v.versionId === "v2")?.share;
    expect(share).toMatchObject({ slug: detail.slug, versionId: "v2" });
    expect(share?.apiPath).toBe(`/api/workflows/public/${share!.nickname}/${detail.slug}/v2`);
    const executionId = await lib.trigger.triggerPublicExecution(runner.id, share!, {
      prompt: "a shared owl [[webhook-fail]]",
    });
    const execution = await followByPolling(runner.id, executionId);
    expect(execution).toMatchObject({
      status: "completed",
      workflowId: null,
      workflowName: "Image Enhancement Pipeline",
      publicRef: `@${share!.nickname}/${detail.slug}/v2`,
    });
    expect(await lib.queries.findExecution(user.id, executionId)).toBeNull();
  });
});

describe("each::sense", () => {
  it("builds a workflow from a sentence, then changes it into a new version", async () => {
    const built = await lib.build.buildWorkflow(user.id, {
      message: "Create a workflow that generates an image and then upscales it",
    });
    if (built.kind !== "workflow") throw new Error(`sense asked: ${built.question}`);
    expect(built.workflow).toMatchObject({ source: "sense", latestVersionId: "v1" });
    expect(built.versionId).toBe("v1");
    const steps = built.workflow.versions[0]?.definition?.steps ?? [];
    expect(steps.map((s) => s.step_id ?? s.id)).toEqual(["generate", "upscale"]);

    const changed = await lib.build.buildWorkflow(user.id, {
      message: "add a remove background step",
      workflowId: built.workflow.id,
    });
    if (changed.kind !== "workflow") throw new Error(`sense asked: ${changed.question}`);
    expect(changed.workflow.id).toBe(built.workflow.id);
    expect(changed.versionId).toBe("v2");
    expect(changed.workflow.versions.map((v) => v.versionId)).toEqual(["v1", "v2"]);
  });

  it("asks a question when the sentence names no step, and takes the answer", async () => {
    const asked = await lib.build.buildWorkflow(user.id, { message: "make a workflow" });
    if (asked.kind !== "question") throw new Error("sense did not ask");
    expect(asked.question).toBeTruthy();
    expect(asked.sessionId).toMatch(/^wf-/);
    // The answer goes to the same session.
    const answered = await lib.build.buildWorkflow(user.id, {
      message: "generate a video and then upscale it",
      sessionId: asked.sessionId!,
    });
    expect(answered.kind).toBe("workflow");
  });
});

describe("the official dialect", () => {
  it("runs through both path families, finishing by webhook with its total cost", async () => {
    await control({ dialect: "official" });
    try {
      const executionId = await lib.trigger.triggerExecution(user.id, workflowId, {
        inputs: { prompt: "an official heron" },
      });
      const row = await untilStored(executionId);
      expect(row.status).toBe("completed");
      expect(row.totalCost).toBeGreaterThan(0);
      const delivery = deliveries.find((d) => d.executionId === executionId);
      expect(JSON.parse(delivery!.raw)).toHaveProperty("total_cost");

      // A platform without the reference's paths: the official ones answer instead.
      const { accessFor } = await import("@/lib/eachlabs/access");
      const access = await accessFor(user.id);
      const official = { ...access, urls: { ...access.urls, workflows: `${sim}/gone/api/v1` } };
      const upstreamId = (await lib.db().workflow.findUniqueOrThrow({ where: { id: workflowId } }))
        .upstreamId;
      const started = await lib.client.triggerWorkflow(
        official,
        upstreamId,
        "v2",
        { prompt: "by the official path" },
        undefined,
      );
      expect(started.executionId).toBeTruthy();
      expect(started.startedAt).toBeUndefined(); // the official answer has none
      let execution = await lib.client.getExecution(official, started.executionId);
      for (let i = 0; i < 100 && !isTerminalExecution(execution.status); i++) {
        await sleep(200);
        execution = await lib.client.getExecution(official, started.executionId);
      }
      expect(execution).toMatchObject({ status: "completed", versionId: "v2" });
      expect(execution.totalCost).toBeGreaterThan(0);
    } finally {
      await control({ dialect: "reference" });
    }
  });
});
