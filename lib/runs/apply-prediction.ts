import "server-only";
import { db } from "../db";
import type { Prisma, RunStatus as DbRunStatus } from "../generated/prisma/client";
import { isTerminal, normalizeStatus, type RunStatus } from "../shared/run-status";

/** What an upstream report (a poll answer or a webhook) says about a prediction. */
export type PredictionReport = {
  status: string;
  output?: unknown;
  logs?: unknown;
  error?: unknown;
  predictTime?: number | null;
  cost?: number | null;
};

const NOT_DONE: DbRunStatus[] = ["queued", "starting", "processing"];
const ORDER: Record<RunStatus, number> = {
  queued: 0,
  starting: 1,
  processing: 2,
  succeeded: 3,
  failed: 3,
  cancelled: 3,
};

function text(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** A failed prediction's reason: its logs, else the error envelope the official API puts in output. */
function failureText(report: PredictionReport): string {
  return (
    text(report.logs) ??
    text(report.error) ??
    text(report.output) ??
    "The model failed without saying why."
  );
}

/**
 * Moves a run forward to what upstream reports. Only ever forward, and a terminal state is
 * written once (the first writer wins), so duplicate, late or racing reports are harmless.
 * Copying the outputs is the caller's next step (saveRunOutputs), often after responding.
 */
export async function applyPredictionReport(
  runId: string,
  report: PredictionReport,
): Promise<void> {
  const status = normalizeStatus(report.status);
  if (!isTerminal(status)) {
    const earlier = (Object.keys(ORDER) as RunStatus[]).filter(
      (s) => ORDER[s] < ORDER[status],
    ) as DbRunStatus[];
    await db().run.updateMany({ where: { id: runId, status: { in: earlier } }, data: { status } });
    return;
  }
  const won = await db().run.updateMany({
    where: { id: runId, status: { in: NOT_DONE } },
    data: {
      status,
      output:
        status === "succeeded" && report.output != null
          ? (report.output as Prisma.InputJsonValue)
          : undefined,
      logs: status === "failed" ? failureText(report) : text(report.logs),
      errorCode: status === "failed" ? "prediction_failed" : null,
      errorMessage: status === "failed" ? "The model run failed." : null,
      predictTime: report.predictTime ?? null,
      cost: report.cost ?? null,
      completedAt: new Date(),
    },
  });
  // The official webhook carries no metrics: a later poll's figures fill them in.
  if (won.count === 0 && report.predictTime != null) {
    await db().run.updateMany({
      where: { id: runId, status, predictTime: null },
      data: { predictTime: report.predictTime, cost: report.cost ?? null },
    });
  }
}
