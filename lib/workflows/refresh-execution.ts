import "server-only";
import { db } from "../db";
import { accessFor } from "../eachlabs/access";
import { UpstreamError } from "../eachlabs/upstream-error";
import { stepOutputsById } from "../shared/workflow-types";
import { applyExecutionReport } from "./apply-execution";
import { getExecution } from "./client";

const MIN_INTERVAL_MS = 1000;

/**
 * Asks upstream about an execution, at most about once a second however many tabs poll and
 * however many app instances run: the right to ask is claimed with a conditional update (as
 * lib/runs/refresh-run.ts does for runs).
 */
export async function refreshExecution(
  executionId: string,
  minIntervalMs = MIN_INTERVAL_MS,
): Promise<void> {
  const now = new Date();
  const claimed = await db().workflowExecution.updateMany({
    where: {
      id: executionId,
      status: { in: ["queued", "running"] },
      upstreamExecutionId: { not: null },
      OR: [
        { lastRefreshAt: null },
        { lastRefreshAt: { lt: new Date(now.getTime() - minIntervalMs) } },
      ],
    },
    data: { lastRefreshAt: now },
  });
  if (claimed.count === 0) return;
  const row = await db().workflowExecution.findUniqueOrThrow({
    where: { id: executionId },
    select: { userId: true, upstreamExecutionId: true },
  });
  try {
    const execution = await getExecution(await accessFor(row.userId), row.upstreamExecutionId!, {
      retries: 0,
    });
    await applyExecutionReport(executionId, execution);
  } catch (error) {
    // An execution upstream no longer knows cannot finish: say so rather than wait forever.
    if (error instanceof UpstreamError && error.status === 404) {
      await applyExecutionReport(executionId, {
        status: "failed",
        error: "ExecutionLost",
        errorCause: "each::workflows no longer knows this execution (404).",
      });
      return;
    }
    // Anything else (timeouts, 5xx, 429) is transient: the next poll or sweep tries again.
    if (!(error instanceof UpstreamError)) throw error;
  }
}

/**
 * A final state that arrived without step outputs (the reference's failure webhook), or
 * with steps still shown as running, is completed from one more upstream read.
 */
export async function completeFinalDetails(executionId: string): Promise<void> {
  const row = await db().workflowExecution.findUnique({
    where: { id: executionId },
    select: { userId: true, upstreamExecutionId: true, status: true, stepOutputs: true },
  });
  if (!row?.upstreamExecutionId || row.status === "queued" || row.status === "running") return;
  const steps = Object.values(stepOutputsById(row.stepOutputs));
  const stale =
    steps.length === 0 || steps.some((step) => /^(pending|running)$/i.test(String(step.status)));
  if (!stale) return;
  const execution = await getExecution(await accessFor(row.userId), row.upstreamExecutionId, {
    retries: 1,
  });
  await applyExecutionReport(executionId, execution);
}
