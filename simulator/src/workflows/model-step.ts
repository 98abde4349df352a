import { admit } from "../api/admission.js";
import type { SimulatorContext } from "../context.js";
import type { FailureCode } from "../predictions/prediction-record.js";
import { lastErrorLine } from "../predictions/prediction-view.js";
import { scaled } from "../runtime-config.js";
import { checkPlatformLimits } from "../validation/platform-limits.js";
import { race, sleep } from "./abortable.js";
import { StepFailure, type StepErrorKind } from "./step-failure.js";

export interface ModelRun {
  output: unknown;
  cost: number;
  metadata: Record<string, unknown>;
}

// While the key is at its concurrency cap, a step waits for a slot (the platform queues runs).
const ADMISSION_POLL_MS = 1_000;

/**
 * Runs one model through the simulator's own prediction engine under the
 * caller's key, exactly like `POST /v1/prediction`: the catalog lookup, platform
 * limits and schema validation, admission (concurrency cap / official balance),
 * timing, prompt markers (`[[fail]]`, `[[hang]]`...), pricing, charging and real
 * media. Waits for the end; a step timeout (`timeoutMs`, already scaled) or an
 * aborted execution cancels the prediction. `onStart` learns the prediction id
 * as soon as it exists (so a running step shows it).
 */
export async function runModelPrediction(
  ctx: SimulatorContext,
  key: string,
  slug: string,
  params: Record<string, unknown>,
  timeoutMs: number | null,
  signal: AbortSignal,
  onStart: (predictionId: string, model: string) => void = () => undefined,
): Promise<ModelRun> {
  const model = ctx.catalog.find(slug);
  if (model === undefined) throw new StepFailure("not_found", `model not found: ${slug}`);
  const limits = checkPlatformLimits(params);
  const first = limits[0];
  if (first !== undefined)
    throw new StepFailure(
      "invalid_input",
      `invalid input for model ${slug}: ${first.field} ${first.message}`,
    );
  const validation = ctx.catalog.validatorFor(model)(params);
  if (!validation.ok) {
    const problem = validation.problems[0];
    throw new StepFailure(
      "invalid_input",
      `invalid input for model ${slug}: ${problem === undefined ? "invalid input" : `${problem.field} ${problem.message}`}`,
      { invalid_fields: validation.problems },
    );
  }
  const request = {
    model,
    kind: ctx.catalog.kindOf(model),
    input: params,
    resolvedInput: validation.value,
    webhook: null,
  };
  const started = Date.now();
  for (;;) {
    const refusal = admit(ctx, key, request, ctx.config.dialect);
    if (refusal === null) break;
    if (refusal.status === 402)
      throw new StepFailure(
        "payment_required",
        `payment required: ${typeof refusal.details === "string" ? refusal.details : refusal.error}`,
      );
    const waited = Date.now() - started;
    if (timeoutMs !== null && waited >= timeoutMs)
      throw new StepFailure(
        "rate_limited",
        `model ${slug} could not start: ${typeof refusal.details === "string" ? refusal.details : refusal.error}`,
      );
    if (!(await sleep(ctx.scheduler, Math.max(20, scaled(ctx.config, ADMISSION_POLL_MS)), signal)))
      throw new StepFailure("cancelled", "execution cancelled");
  }

  const record = ctx.predictions.create({ key, ...request });
  onStart(record.id, model.slug);
  const remaining = timeoutMs === null ? null : Math.max(0, timeoutMs - (Date.now() - started));
  const how = await race(ctx.scheduler, record.settled, remaining, signal);
  const metadata: Record<string, unknown> = {
    model: model.slug,
    version: model.version,
    prediction_id: record.id,
    params,
  };
  if (how !== "done") {
    ctx.predictions.cancel(record);
    if (how === "aborted") throw new StepFailure("cancelled", "execution cancelled", metadata);
    const seconds = Math.round((timeoutMs ?? 0) / Math.max(ctx.config.timeFactor, 1e-6)) / 1000;
    throw new StepFailure(
      "timeout",
      `model ${model.slug} timed out after ${seconds}s (prediction ${record.id} cancelled)`,
      metadata,
    );
  }
  metadata.elapsed_seconds = record.predictTime;
  if (record.phase === "failed") {
    throw new StepFailure(
      kindOfFailure(record.failureCode),
      `model ${model.slug} failed: ${lastErrorLine(record.logs)}`,
      { ...metadata, error_code: record.failureCode ?? "EXECUTION_FAILED" },
    );
  }
  if (record.phase === "cancelled")
    throw new StepFailure("cancelled", `prediction ${record.id} was cancelled`, metadata);
  const cost = record.cost ?? 0;
  return { output: record.output, cost, metadata: { ...metadata, cost } };
}

function kindOfFailure(code: FailureCode | null): StepErrorKind {
  switch (code) {
    case "CONTENT_FILTER":
      return "content_filter";
    case "EXECUTION_TIMEOUT":
      return "timeout";
    default:
      return "server_error";
  }
}
