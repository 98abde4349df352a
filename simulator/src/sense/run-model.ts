import { admit } from "../api/admission.js";
import type { SimulatorContext } from "../context.js";
import { costOf } from "../predictions/pricing.js";
import { isTerminal, type PredictionRecord } from "../predictions/prediction-record.js";
import { scaled } from "../runtime-config.js";
import { checkPlatformLimits } from "../validation/platform-limits.js";
import { AgentError, StopStream } from "./agent-error.js";
import type { EventSink } from "./event-sink.js";
import type { ModelCall } from "./model-picker.js";

export interface ModelRun {
  record: PredictionRecord;
  outputs: string[];
  /** Nominal time in the queue and running, as a real run would report it (not scaled). */
  executionTimeMs: number;
}

/**
 * Runs one model through the simulator's own prediction engine, under the
 * caller's key: same validation, admission limits, timing, failure markers,
 * pricing and media files as `POST /v1/prediction`. With `progress`, emits
 * `progress` events while it runs.
 */
export async function runModel(
  ctx: SimulatorContext,
  key: string,
  call: ModelCall,
  sink: EventSink,
  options: { progress: boolean },
): Promise<ModelRun> {
  const { model, kind, input } = call;
  const limits = checkPlatformLimits(input);
  if (limits.length > 0) {
    const first = limits[0];
    throw new AgentError(
      "INVALID_REQUEST",
      first !== undefined && /characters/.test(first.message)
        ? "Prompt exceeds maximum length of 10,000 characters"
        : `Invalid input for ${model.slug}: ${first?.field ?? ""} ${first?.message ?? ""}`.trim(),
    );
  }
  const validation = ctx.catalog.validatorFor(model)(input);
  if (!validation.ok) {
    const first = validation.problems[0];
    const properties = model.request_schema.properties;
    throw new AgentError(
      "INVALID_PARAMETERS",
      `Invalid parameters for model ${model.slug}: ${first === undefined ? "invalid input" : `${first.field} ${first.message}`}`,
      undefined,
      {
        valid_parameters:
          typeof properties === "object" && properties !== null ? Object.keys(properties) : [],
      },
    );
  }
  const request = { model, kind, input, resolvedInput: validation.value, webhook: null };
  const refusal = admit(ctx, key, request, ctx.config.dialect);
  if (refusal !== null) {
    if (refusal.status === 402) {
      throw new AgentError("INSUFFICIENT_BALANCE", "Generation failed: Insufficient balance", {
        current_balance: Math.round(ctx.accounts.balance(key) * 100) / 100,
        required_estimate: costOf(model, kind, validation.value),
        top_up_url: "https://www.eachlabs.ai/billing",
      });
    }
    throw new AgentError("RATE_LIMITED", "Rate limit exceeded.", undefined, {
      retry_after: Number(refusal.headers?.["Retry-After"] ?? 1),
    });
  }

  const record = ctx.predictions.create({ key, ...request });
  await watch(ctx, record, call, sink, options.progress);

  if (record.phase === "failed") {
    const description =
      record.logs
        ?.split("\n")
        .at(-1)
        ?.replace(/^Error:\s*/, "") ?? "";
    if (record.failureCode === "CONTENT_FILTER")
      throw new AgentError("CONTENT_FILTER", "Content was filtered by safety system", {
        model: model.slug,
        error_code: "CONTENT_FILTER",
        description: "Content was filtered by safety system",
      });
    if (record.failureCode === "EXECUTION_TIMEOUT")
      throw new AgentError(
        "TIMEOUT",
        `Model execution timed out after ${Math.round(record.runMs * 3) / 1000} seconds`,
        { model: model.slug, execution_id: record.id },
        { suggestion: "For long-running operations, check execution status with the execution_id" },
      );
    throw new AgentError(
      "EXECUTION_FAILED",
      `Failed to generate ${call.kind === "audio" ? "audio" : call.kind}: Model returned error`,
      {
        model: model.slug,
        error_code: record.failureCode ?? "EXECUTION_FAILED",
        description,
        execution_id: record.id,
      },
    );
  }
  if (record.phase === "cancelled")
    throw new AgentError("EXECUTION_CANCELLED", `The ${model.slug} run was cancelled`, {
      model: model.slug,
      execution_id: record.id,
    });
  return {
    record,
    outputs: urlsOf(record.output),
    executionTimeMs: Math.round(record.queueMs + record.runMs),
  };
}

/** Waits for the prediction to end; with `progress`, reports how far along it is every ~fifth of its time. */
async function watch(
  ctx: SimulatorContext,
  record: PredictionRecord,
  call: ModelCall,
  sink: EventSink,
  progress: boolean,
): Promise<void> {
  const expectedMs = Math.max(1, scaled(ctx.config, record.queueMs + record.runMs));
  const started = Date.now();
  let lastPercent = 0;
  let reported = 0;
  while (!isTerminal(record)) {
    if (sink.closed) throw new StopStream();
    const tick = Math.max(1, Math.round(expectedMs / 5));
    await Promise.race([record.settled, ctx.scheduler.sleep(tick)]);
    if (isTerminal(record) || !progress) continue;
    const percent = Math.min(
      95,
      Math.max(5, Math.round(((Date.now() - started) / expectedMs) * 100)),
    );
    if (reported === 0 || percent >= lastPercent + 10) {
      await sink.emit({ type: "progress", percent, message: progressMessage(record, call) });
      lastPercent = percent;
      reported += 1;
    }
  }
  if (progress && reported === 0 && record.phase === "success")
    await sink.emit({ type: "progress", percent: 100, message: "Finishing" });
}

function progressMessage(record: PredictionRecord, call: ModelCall): string {
  if (record.phase === "queued") return "Queued";
  switch (call.kind) {
    case "video":
      return "Rendering frames";
    case "audio":
      return "Synthesizing audio";
    default:
      return "Rendering";
  }
}

/** Output URLs, whatever the model's output_type. */
export function urlsOf(output: unknown): string[] {
  if (typeof output === "string") return [output];
  if (Array.isArray(output))
    return output.filter((item): item is string => typeof item === "string");
  if (typeof output === "object" && output !== null) {
    const record = output as Record<string, unknown>;
    if (Array.isArray(record.urls)) return urlsOf(record.urls);
    if (typeof record.url === "string") return [record.url];
  }
  return [];
}
