import "server-only";
import { db } from "../db";
import { refreshExecution } from "./refresh-execution";
import { saveExecutionOutputs } from "./save-outputs";

const EVERY_MS = 3_000;
const BATCH = 20;
/** An execution whose trigger never came back (a crash between our insert and upstream). */
const ORPHAN_AFTER_MS = 2 * 60_000;

/**
 * Finishes what nobody watches: executions whose page was closed or whose webhook never
 * came, outputs not yet copied, and rows whose trigger never reached upstream. Called by the
 * app's sweeper (lib/runs/sweeper.ts) every few seconds; safe with several instances (every
 * step claims or converges). Never throws.
 */
export async function sweepWorkflowExecutions(now: number = Date.now()): Promise<void> {
  try {
    const unfinished = await db().workflowExecution.findMany({
      where: {
        status: { in: ["queued", "running"] },
        upstreamExecutionId: { not: null },
        OR: [{ lastRefreshAt: null }, { lastRefreshAt: { lt: new Date(now - EVERY_MS) } }],
      },
      orderBy: { lastRefreshAt: { sort: "asc", nulls: "first" } },
      take: BATCH,
      select: { id: true },
    });
    for (const execution of unfinished)
      await refreshExecution(execution.id, EVERY_MS).catch((error: unknown) =>
        console.error("sweep: refreshing an execution failed", execution.id, error),
      );

    const unsaved = await db().workflowExecution.findMany({
      where: {
        status: { in: ["completed", "failed", "cancelled"] },
        outputsSavedAt: null,
        completedAt: { gt: new Date(now - 24 * 3_600_000) },
      },
      orderBy: { completedAt: "asc" },
      take: 5,
      select: { id: true },
    });
    for (const execution of unsaved) await saveExecutionOutputs(execution.id);

    await db().workflowExecution.updateMany({
      where: {
        status: "queued",
        upstreamExecutionId: null,
        createdAt: { lt: new Date(now - ORPHAN_AFTER_MS) },
      },
      data: {
        status: "failed",
        error: {
          code: "upstream:workflow",
          message: "The workflow could not be started. Your inputs are kept: run it again.",
        },
        completedAt: new Date(now),
      },
    });
  } catch (error) {
    console.error("sweep: workflow upkeep failed", error);
  }
}
