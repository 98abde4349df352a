import "server-only";
import { db } from "../db";
import { getPrediction } from "../eachlabs/client";
import { accessFor } from "../eachlabs/access";
import { UpstreamError } from "../eachlabs/upstream-error";
import { applyPredictionReport } from "./apply-prediction";

const MIN_INTERVAL_MS = 1000;

/**
 * A run finished by a webhook without figures (the official payload has no metrics) asks
 * upstream once more for its predict time and cost.
 */
export async function fillMissingMetrics(runId: string): Promise<void> {
  const run = await db().run.findUnique({
    where: { id: runId },
    select: { userId: true, predictionId: true, status: true, predictTime: true },
  });
  if (!run?.predictionId || run.predictTime !== null || run.status !== "succeeded") return;
  const prediction = await getPrediction(await accessFor(run.userId), run.predictionId, {
    retries: 1,
  });
  await applyPredictionReport(runId, {
    status: prediction.status,
    predictTime: prediction.metrics?.predict_time ?? null,
    cost: prediction.metrics?.cost ?? null,
  });
}

/**
 * Asks upstream about a run, at most about once a second however many tabs poll and
 * however many app instances run: the right to ask is claimed with a conditional update.
 */
export async function refreshRun(
  runId: string,
  options: { minIntervalMs?: number; userId?: string } = {},
): Promise<void> {
  const now = new Date();
  const minIntervalMs = options.minIntervalMs ?? MIN_INTERVAL_MS;
  // The claim and what the refresh needs, in one statement; a person's poll names them as
  // the owner, so someone else's run id claims nothing.
  const [run] = await db().run.updateManyAndReturn({
    where: {
      id: runId,
      ...(options.userId ? { userId: options.userId } : {}),
      status: { in: ["queued", "starting", "processing"] },
      predictionId: { not: null },
      OR: [
        { lastRefreshAt: null },
        { lastRefreshAt: { lt: new Date(now.getTime() - minIntervalMs) } },
      ],
    },
    data: { lastRefreshAt: now },
    select: { userId: true, predictionId: true },
  });
  if (!run) return;
  try {
    const prediction = await getPrediction(await accessFor(run.userId), run.predictionId!, {
      retries: 0,
    });
    await applyPredictionReport(runId, {
      status: prediction.status,
      output: prediction.output,
      logs: prediction.logs,
      error: prediction.error,
      predictTime: prediction.metrics?.predict_time ?? null,
      cost: prediction.metrics?.cost ?? null,
    });
  } catch (error) {
    // A prediction upstream no longer knows cannot finish: say so rather than wait forever.
    if (error instanceof UpstreamError && error.status === 404) {
      await applyPredictionReport(runId, {
        status: "failed",
        logs: "each::labs no longer knows this prediction (404).",
      });
      return;
    }
    // Anything else (timeouts, 5xx, 429) is transient: the next poll or sweep tries again.
    if (!(error instanceof UpstreamError)) throw error;
  }
}
