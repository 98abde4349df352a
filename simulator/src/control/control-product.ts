import type { IncomingMessage, ServerResponse } from "node:http";
import type { SimulatorContext } from "../context.js";
import { isLoopbackAddress } from "../http/loopback.js";
import { isPlainObject, readJsonBody } from "../http/read-body.js";
import { sendJson } from "../http/respond.js";
import { Router } from "../http/router.js";
import { predictionView } from "../predictions/prediction-view.js";
import type { Product } from "../products.js";
import { runResetHooks } from "../reset-hooks.js";
import { initialRuntimeConfig } from "../runtime-config.js";
import { executionView } from "../workflows/execution-record.js";
import { workflowsIfMounted } from "../workflows/workflows-service.js";
import { applyConfigPatch, describeConfig } from "./apply-config.js";

type Handler = (
  ctx: SimulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  params: Record<string, string>,
  url: URL,
) => Promise<void> | void;

/**
 * `/__simulator/*`: switches for tests, no auth, loopback clients only. Not part
 * of the platform's API, so it never gets faults, rate limits or dialect bodies.
 */
export function createControlProduct(ctx: SimulatorContext): Product {
  const router = new Router<Handler>()
    .add("GET", "/config", (context, _req, res) => sendJson(res, 200, describeConfig(context)))
    .add("POST", "/config", updateConfig)
    .add("POST", "/reset", reset)
    .add("GET", "/predictions", listPredictions)
    .add("GET", "/executions", listExecutions)
    .add("POST", "/executions/:id/cancel", cancelExecution);
  return {
    name: "control",
    prefix: "/__simulator",
    async handle(req, res, url, path) {
      if (!isLoopbackAddress(req.socket.remoteAddress)) {
        sendJson(res, 403, { error: "the control API answers loopback clients only" });
        return true;
      }
      const match = router.match(req.method ?? "GET", path);
      if (match.kind !== "found") return false;
      await match.entry(ctx, req, res, match.params, url);
      return true;
    },
  };
}

async function updateConfig(
  ctx: SimulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readJsonBody(req);
  if (!body.ok || !isPlainObject(body.value)) {
    sendJson(res, 400, { error: "body must be a JSON object" });
    return;
  }
  const problems = applyConfigPatch(ctx, body.value);
  if (problems.length > 0) {
    sendJson(res, 400, { error: problems.join("; "), problems });
    return;
  }
  ctx.log(`control: config changed ${JSON.stringify(body.value)}`);
  sendJson(res, 200, describeConfig(ctx));
}

/**
 * Back to the start-up configuration, with no predictions, webhooks, uploads,
 * counters, balances, sense sessions, workflows or executions (running ones are
 * stopped, without webhooks).
 */
function reset(ctx: SimulatorContext, _req: IncomingMessage, res: ServerResponse): void {
  Object.assign(ctx.config, initialRuntimeConfig(ctx.options));
  ctx.predictions.clear();
  ctx.webhooks.clear();
  ctx.uploads.clear();
  ctx.rateLimiter.reset();
  ctx.accounts.reset();
  runResetHooks(ctx);
  ctx.log("control: reset");
  sendJson(res, 200, describeConfig(ctx));
}

function listPredictions(ctx: SimulatorContext, _req: IncomingMessage, res: ServerResponse): void {
  const predictions = ctx.predictions
    .all()
    .reverse()
    .map((record) => ({
      ...predictionView(record, ctx.config.dialect, ctx.publicUrl()),
      model: record.model.slug,
      key: `${record.key.slice(0, 4)}…`,
      seed: record.seed,
      planned_outcome: record.outcome.kind,
      created_at: record.createdAt.toISOString(),
      started_at: record.startedAt?.toISOString() ?? null,
      completed_at: record.completedAt?.toISOString() ?? null,
      webhook_url: record.webhook?.url ?? null,
    }));
  sendJson(res, 200, { predictions });
}

/**
 * Every workflow execution (each::workflows and sense chat runs), newest first,
 * in the dialect's Get-Execution shape plus `key`, `source`, `workflow_name`,
 * `created_at` and `webhook_url`. `?workflow_id=`, `?status=` filter.
 */
function listExecutions(
  ctx: SimulatorContext,
  _req: IncomingMessage,
  res: ServerResponse,
  _params: Record<string, string>,
  url: URL,
): void {
  const workflowId = url.searchParams.get("workflow_id");
  const status = url.searchParams.get("status");
  const executions = (workflowsIfMounted(ctx)?.list() ?? [])
    .filter((record) => workflowId === null || record.workflowId === workflowId)
    .filter((record) => status === null || record.status === status)
    .map((record) => ({
      ...executionView(record, ctx.config.dialect),
      version_id: record.versionId,
      workflow_name: record.workflowName,
      key: `${record.key.slice(0, 4)}…`,
      source: record.source,
      created_at: record.createdAt.toISOString(),
      webhook_url: record.webhook?.url ?? null,
    }));
  sendJson(res, 200, { executions });
}

/** Cancels a queued or running execution (running predictions cancelled, python killed); the platform has no such endpoint. */
async function cancelExecution(
  ctx: SimulatorContext,
  _req: IncomingMessage,
  res: ServerResponse,
  params: Record<string, string>,
): Promise<void> {
  const service = workflowsIfMounted(ctx);
  const record = service?.get(params.id ?? "");
  if (service === undefined || record === undefined) {
    sendJson(res, 404, { error: "execution not found" });
    return;
  }
  service.cancel(record);
  // Stopping takes a moment (predictions are cancelled, python is killed): answer with the end state.
  await Promise.race([record.settled, new Promise((resolve) => setTimeout(resolve, 2_000))]);
  sendJson(res, 200, { execution_id: record.id, status: record.status });
}
