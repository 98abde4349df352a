import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../db";
import { accessFor } from "../eachlabs/access";
import { toAppError } from "../eachlabs/error-mapping";
import { UpstreamError } from "../eachlabs/upstream-error";
import { AppError } from "../shared/errors";
import type { BuildResult } from "../shared/workflow-api";
import { getWorkflow } from "./client";
import { createWorkflowFor, getWorkflowDetail, saveNewVersion } from "./manage";
import { buildWithSense } from "./sense-builder";
import { syncWorkflow } from "./sync";

/**
 * Builds a workflow from a sentence with each::sense, or changes one of ours (a new version).
 * each::sense creates it upstream; we import it into the person's list. Should the workflows
 * API not know what sense made, the definition sense returned is created (or saved) by us.
 */
export async function buildWorkflow(
  userId: string,
  request: {
    message: string;
    workflowId?: string | undefined;
    versionId?: string | undefined;
    /** The session each::sense asked a question in, when this answers it. */
    sessionId?: string | undefined;
  },
): Promise<BuildResult> {
  const existing = request.workflowId
    ? await db().workflow.findFirst({ where: { id: request.workflowId, userId } })
    : null;
  if (request.workflowId && !existing)
    throw new AppError("not_found:workflow", "This workflow does not exist.");
  const sessionId =
    request.sessionId ?? existing?.senseSessionId ?? `wf-${randomBytes(12).toString("hex")}`;
  const access = await accessFor(userId);

  let answer;
  try {
    answer = await buildWithSense(access, {
      message: request.message,
      sessionId,
      ...(existing
        ? {
            workflowId: existing.upstreamId,
            versionId: request.versionId ?? existing.latestVersionId ?? undefined,
          }
        : {}),
    });
  } catch (error) {
    throw toAppError(error, "sense");
  }
  if (answer.kind === "question")
    return { kind: "question", question: answer.question, options: answer.options, sessionId };

  let ourId: string | null = null;
  if (answer.workflowId) {
    try {
      const made = await getWorkflow(access, answer.workflowId);
      if (made.upstreamId)
        ourId = await syncWorkflow(userId, made, {
          ...(existing ? {} : { source: "sense" }),
          senseSessionId: sessionId,
        });
    } catch (error) {
      if (!(error instanceof UpstreamError) || error.status !== 404)
        throw toAppError(error, "workflow");
    }
  }
  let versionId = answer.versionId;
  if (!ourId) {
    if (!answer.definition)
      throw new AppError(
        "upstream:sense",
        "each::sense answered without a workflow. Try rephrasing.",
      );
    if (existing) {
      versionId = await saveNewVersion(userId, existing.id, { definition: answer.definition });
      ourId = existing.id;
    } else {
      ourId = await createWorkflowFor(
        userId,
        { name: answer.name ?? "Workflow from each::sense", definition: answer.definition },
        { source: "sense", senseSessionId: sessionId },
      );
    }
  }
  const workflow = await getWorkflowDetail(userId, ourId);
  return {
    kind: "workflow",
    workflow,
    versionId: versionId ?? workflow.latestVersionId ?? "v1",
    message: answer.message,
  };
}
