import "server-only";
import { db } from "../db";
import { AppError } from "../shared/errors";
import type { WorkflowExecutionSummaryView, WorkflowExecutionView } from "../shared/workflow-api";
import { isTerminalExecution } from "../shared/workflow-types";
import { refreshExecution } from "./refresh-execution";
import { toExecutionSummary, toExecutionView } from "./views";

/** One execution of this person's (ownership is part of the query), with its saved assets. */
export async function findExecution(
  userId: string,
  executionId: string,
): Promise<WorkflowExecutionView | null> {
  const execution = await db().workflowExecution.findFirst({
    where: { id: executionId, userId },
    include: { files: { where: { assetId: { not: null } } } },
  });
  if (!execution) return null;
  const assetIds = execution.files.map((file) => file.assetId!);
  const assets = assetIds.length
    ? await db().asset.findMany({ where: { id: { in: assetIds }, userId, deletedAt: null } })
    : [];
  const byId = new Map(assets.map((asset) => [asset.id, asset]));
  const files = execution.files.flatMap((file) => {
    const asset = byId.get(file.assetId!);
    return asset ? [{ asset, stepId: file.stepId, position: file.position }] : [];
  });
  return toExecutionView(execution, files);
}

/** An execution brought up to date with upstream (at most about once a second), or 404. */
export async function liveExecution(
  userId: string,
  executionId: string,
): Promise<WorkflowExecutionView> {
  const owned = await db().workflowExecution.findFirst({
    where: { id: executionId, userId },
    select: { status: true },
  });
  if (!owned) throw new AppError("not_found:execution", "This execution does not exist.");
  if (!isTerminalExecution(owned.status)) await refreshExecution(executionId);
  const execution = await findExecution(userId, executionId);
  if (!execution) throw new AppError("not_found:execution", "This execution does not exist.");
  return execution;
}

/** This person's executions, newest first, optionally of one workflow; `before` = last id shown. */
export async function listExecutionsOf(
  userId: string,
  options: { workflowId?: string | undefined; limit: number; before?: string | undefined },
): Promise<WorkflowExecutionSummaryView[]> {
  const rows = await db().workflowExecution.findMany({
    where: { userId, ...(options.workflowId ? { workflowId: options.workflowId } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit,
    ...(options.before ? { cursor: { id: options.before }, skip: 1 } : {}),
  });
  return rows.map(toExecutionSummary);
}
