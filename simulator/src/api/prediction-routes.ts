import type { Router } from "../http/router.js";
import { sendJson } from "../http/respond.js";
import { isTerminal, type PredictionRecord } from "../predictions/prediction-record.js";
import { lastErrorLine, predictionView } from "../predictions/prediction-view.js";
import { scaled } from "../runtime-config.js";
import { admit } from "./admission.js";
import { requireKey, type ApiCall, type ApiRoute } from "./api-route.js";
import { parseCreateRequest } from "./create-request.js";
import { sendApiError } from "./errors.js";

// The reference's HTTP request timeout; a sync run waits at most this (scaled) long.
const SYNC_RUN_TIMEOUT_MS = 300_000;

export function registerPredictionRoutes(router: Router<ApiRoute>): void {
  router.add("POST", "/v1/prediction", { auth: "required", handle: createPrediction });
  router.add("POST", "/v1/prediction/run", { auth: "required", handle: runPrediction });
  router.add("GET", "/v1/prediction/:id", { auth: "required", handle: getPrediction });
  router.add("POST", "/v1/prediction/:id/cancel", { auth: "required", handle: cancelPrediction });
}

async function createPrediction(call: ApiCall): Promise<void> {
  const record = await startPrediction(call);
  if (record === null) return;
  // Reference: 201 Created. Official: 200.
  sendJson(call.res, call.dialect === "official" ? 200 : 201, {
    status: "success",
    message: "Prediction created successfully",
    predictionID: record.id,
  });
}

/** Parses, checks admission and creates; answers the error itself and returns null on refusal. */
async function startPrediction(call: ApiCall, sync = false): Promise<PredictionRecord | null> {
  const key = requireKey(call);
  const parsed = await parseCreateRequest(call);
  if (!parsed.ok) {
    const { error, details } = parsed.problem;
    // The official sync endpoint documents 422 for an unreadable body.
    const status = sync && error === "invalid request body" ? 422 : parsed.problem.status;
    sendApiError(call.res, call.dialect, status, error, details === undefined ? {} : { details });
    return null;
  }
  if (sync && parsed.value.kind === "video") {
    sendApiError(
      call.res,
      call.dialect,
      400,
      `model ${parsed.value.model.slug} does not support synchronous execution; use POST /v1/prediction`,
    );
    return null;
  }
  const refusal = admit(call.ctx, key, parsed.value, call.dialect);
  if (refusal !== null) {
    sendApiError(call.res, call.dialect, refusal.status, refusal.error, {
      ...(refusal.details === undefined ? {} : { details: refusal.details }),
      ...(refusal.headers === undefined ? {} : { headers: refusal.headers }),
    });
    return null;
  }
  const record = call.ctx.predictions.create({ key, ...parsed.value });
  call.ctx.log(`prediction ${record.id} created: ${record.model.slug} (${record.outcome.kind})`);
  return record;
}

function findOwn(call: ApiCall): PredictionRecord | null {
  const record = call.ctx.predictions.get(call.params.id ?? "");
  // Another key's prediction is "not found", never "forbidden": ids are not an oracle.
  if (record === undefined || record.key !== call.key) {
    sendApiError(call.res, call.dialect, 404, "Prediction not found");
    return null;
  }
  return record;
}

function getPrediction(call: ApiCall): void {
  const record = findOwn(call);
  if (record !== null)
    sendJson(call.res, 200, predictionView(record, call.dialect, call.ctx.publicUrl()));
}

function cancelPrediction(call: ApiCall): void {
  const record = findOwn(call);
  if (record === null) return;
  call.ctx.predictions.cancel(record);
  // Best effort, as documented: the same answer even if it had already finished.
  sendJson(call.res, 200, {
    status: "cancelled",
    message: "Prediction canceled successfully",
    predictionID: record.id,
  });
}

/** Official sync run: waits for the end and answers with the output. Video models are async-only. */
async function runPrediction(call: ApiCall): Promise<void> {
  const record = await startPrediction(call, true);
  if (record === null) return;
  const timedOut = await Promise.race([
    record.settled.then(() => false),
    call.ctx.scheduler
      .sleep(Math.max(1000, scaled(call.ctx.config, SYNC_RUN_TIMEOUT_MS)))
      .then(() => true),
  ]);
  if (timedOut || !isTerminal(record)) {
    sendApiError(call.res, call.dialect, 408, "Request timeout", {
      details: `prediction ${record.id} is still running; poll GET /v1/prediction/${record.id}`,
    });
    return;
  }
  const messages = {
    success: "Prediction completed successfully",
    failed: "Prediction failed",
    cancelled: "Prediction was cancelled",
  } as const;
  const phase = record.phase as keyof typeof messages;
  sendJson(call.res, 200, {
    status: phase,
    message: messages[phase],
    predictionID: record.id,
    output: phase === "success" ? record.output : null,
    error: phase === "failed" ? lastErrorLine(record.logs) : "",
  });
}
