import "server-only";
import { db } from "../db";
import type { Prisma, WorkflowExecutionStatus } from "../generated/prisma/client";
import {
  isTerminalExecution,
  normalizeExecutionStatus,
  type ExecutionStatus,
} from "../shared/workflow-types";
import type { UpstreamExecution } from "./upstream-schemas";

/** What a poll answer or a webhook (either dialect) says about an execution. */
export type ExecutionReport = { status: string } & Partial<
  Pick<
    UpstreamExecution,
    "stepOutputs" | "output" | "error" | "errorCause" | "totalCost" | "bulkId"
  > & { startedAt: string | null; completedAt: string | null }
>;

const NOT_DONE: WorkflowExecutionStatus[] = ["queued", "running"];

function date(value: string | null | undefined): Date | undefined {
  if (!value) return undefined;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

function text(value: unknown): string | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** `{code, message, cause?}` for a failed or cancelled execution. */
export function executionError(
  status: ExecutionStatus,
  error: unknown,
  cause: unknown,
): Prisma.InputJsonValue | undefined {
  if (status === "cancelled")
    return { code: "execution_cancelled", message: "The workflow was cancelled." };
  if (status !== "failed") return undefined;
  const kind = text(error);
  const reason = text(cause);
  const timedOut = /timed ?out|timeout/i.test(kind ?? "");
  return {
    code: timedOut ? "execution_timed_out" : "execution_failed",
    message: reason ?? (timedOut ? "The workflow ran out of time." : "The workflow failed."),
    ...(kind ? { cause: kind } : {}),
  };
}

/**
 * Moves an execution forward to what upstream reports: step outputs while it runs, then one
 * final state, written once (the first terminal report wins). A later terminal report of the
 * same state may only fill in what the first lacked (the reference's failure webhook carries
 * no step outputs; only the official execution has total_cost). Returns the status now stored.
 */
export async function applyExecutionReport(
  executionId: string,
  report: ExecutionReport,
): Promise<void> {
  const status = normalizeExecutionStatus(report.status);
  const stepOutputs =
    report.stepOutputs !== undefined && report.stepOutputs !== null
      ? (report.stepOutputs as Prisma.InputJsonValue)
      : undefined;
  const started = date(report.startedAt);
  if (!isTerminalExecution(status)) {
    await db().workflowExecution.updateMany({
      where: { id: executionId, status: { in: status === "queued" ? ["queued"] : NOT_DONE } },
      data: {
        status,
        ...(stepOutputs !== undefined ? { stepOutputs } : {}),
        ...(started ? { startedAt: started } : {}),
        ...(report.bulkId ? { bulkId: report.bulkId } : {}),
      },
    });
    return;
  }
  const output =
    status === "completed" && report.output !== undefined && report.output !== null
      ? (report.output as Prisma.InputJsonValue)
      : undefined;
  const won = await db().workflowExecution.updateMany({
    where: { id: executionId, status: { in: NOT_DONE } },
    data: {
      status,
      ...(stepOutputs !== undefined ? { stepOutputs } : {}),
      ...(output !== undefined ? { output } : {}),
      ...(started ? { startedAt: started } : {}),
      ...(report.bulkId ? { bulkId: report.bulkId } : {}),
      error: executionError(status, report.error, report.errorCause),
      totalCost: report.totalCost ?? null,
      completedAt: date(report.completedAt) ?? new Date(),
    },
  });
  if (won.count > 0) return;
  // Already final: a fuller report of the same final state fills in what is missing.
  if (stepOutputs !== undefined)
    await db().workflowExecution.updateMany({
      where: { id: executionId, status },
      data: { stepOutputs, ...(output !== undefined ? { output } : {}) },
    });
  if (report.totalCost !== undefined)
    await db().workflowExecution.updateMany({
      where: { id: executionId, status, totalCost: null },
      data: { totalCost: report.totalCost },
    });
}
