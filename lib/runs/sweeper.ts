import "server-only";
import { db } from "../db";
import { backfillPreviews } from "../gallery/ensure-previews";
import { purgeDeletedAssets } from "../gallery/purge-deleted";
import { sweepChat } from "../sense/stale-streams";
import { sweepWorkflowExecutions } from "../workflows/sweeper";
import { refreshRun } from "./refresh-run";
import { saveRunOutputs } from "./save-outputs";

const EVERY_MS = 3_000;
const BATCH = 20;
/** A run whose upstream call never came back (a crash between our insert and upstream). */
const ORPHAN_AFTER_MS = 2 * 60_000;

let running = false;

/**
 * Finishes what nobody is watching: runs whose tab was closed, whose webhook never came, or
 * that were in flight when the server restarted; and outputs not yet copied into storage.
 * Safe with several app instances: every step claims or converges (see refresh-run.ts).
 */
export async function sweep(): Promise<void> {
  if (running) return;
  running = true;
  try {
    const now = Date.now();
    const unfinished = await db().run.findMany({
      where: {
        status: { in: ["queued", "starting", "processing"] },
        predictionId: { not: null },
        OR: [{ lastRefreshAt: null }, { lastRefreshAt: { lt: new Date(now - EVERY_MS) } }],
      },
      orderBy: { lastRefreshAt: { sort: "asc", nulls: "first" } },
      take: BATCH,
      select: { id: true },
    });
    for (const run of unfinished)
      await refreshRun(run.id, { minIntervalMs: EVERY_MS }).catch((error: unknown) =>
        console.error("sweep: refresh failed", run.id, error),
      );

    const unsaved = await db().run.findMany({
      where: {
        status: "succeeded",
        outputsSavedAt: null,
        completedAt: { gt: new Date(now - 24 * 3_600_000) },
      },
      take: 5,
      select: { id: true },
    });
    for (const run of unsaved)
      await saveRunOutputs(run.id).catch((error: unknown) =>
        console.error("sweep: saving outputs failed", run.id, error),
      );

    await db().run.updateMany({
      where: {
        status: "queued",
        predictionId: null,
        createdAt: { lt: new Date(now - ORPHAN_AFTER_MS) },
      },
      data: {
        status: "failed",
        errorCode: "upstream:prediction",
        errorMessage: "The run could not be started. Your input is kept: run it again.",
        completedAt: new Date(),
      },
    });

    // Chat replies whose stream died with a restart, and chat media not yet copied.
    await sweepChat(now).catch((error: unknown) =>
      console.error("sweep: chat upkeep failed", error),
    );
    await sweepWorkflowExecutions(now);
    await backfillPreviews().catch((error: unknown) =>
      console.error("sweep: making previews failed", error),
    );
    // Deleted gallery items whose undo window has passed: gone, files included.
    await purgeDeletedAssets(now).catch((error: unknown) =>
      console.error("sweep: purging deleted assets failed", error),
    );
  } finally {
    running = false;
  }
}

const globalForSweeper = globalThis as typeof globalThis & { __runSweeper?: NodeJS.Timeout };

export function startSweeper(): void {
  if (globalForSweeper.__runSweeper) return;
  globalForSweeper.__runSweeper = setInterval(
    () => void sweep().catch((error: unknown) => console.error("sweep failed", error)),
    EVERY_MS,
  );
  globalForSweeper.__runSweeper.unref();
}
