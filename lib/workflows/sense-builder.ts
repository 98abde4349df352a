import "server-only";
import { z } from "zod";
import type { EachlabsAccess } from "../eachlabs/client";
import { callUpstream } from "../eachlabs/upstream";
import { isRecord } from "../shared/workflow-types";
import { senseWorkflowUrl } from "./paths";

const text = z
  .unknown()
  .transform((value) => (typeof value === "string" && value !== "" ? value : undefined))
  .optional();

const answerSchema = z
  .looseObject({
    workflow_id: text,
    version_id: text,
    definition: z.unknown().optional(),
    workflow_name: text,
    text_response: text,
    message: text,
    session_id: text,
    clarification_needed: z.unknown().optional(),
    question: text,
    options: z.unknown().optional(),
  })
  .transform((a) => {
    if (a.clarification_needed === true || (a.question && !a.workflow_id && !a.definition))
      return {
        kind: "question" as const,
        question: a.question ?? a.text_response ?? "Which steps should the workflow have?",
        options: (Array.isArray(a.options) ? a.options : []).flatMap((option) =>
          typeof option === "string"
            ? [option]
            : isRecord(option) && typeof option.label === "string"
              ? [option.label]
              : [],
        ),
        sessionId: a.session_id ?? null,
      };
    return {
      kind: "workflow" as const,
      workflowId: a.workflow_id ?? null,
      versionId: a.version_id ?? null,
      definition: isRecord(a.definition) ? a.definition : null,
      name: a.workflow_name ?? null,
      message: a.text_response ?? a.message ?? null,
      sessionId: a.session_id ?? null,
    };
  });
export type SenseBuildAnswer = z.infer<typeof answerSchema>;

/**
 * each::sense's workflow builder, `POST /workflow` without streaming: a sentence in, a
 * workflow out (made upstream: `workflow_id`, `version_id`, `definition`), or a question.
 * With `workflowId`/`versionId` it changes that workflow into a new version. Not retried:
 * every call may create a workflow.
 */
export async function buildWithSense(
  access: EachlabsAccess,
  request: { message: string; sessionId: string; workflowId?: string; versionId?: string },
): Promise<SenseBuildAnswer> {
  const body = await callUpstream({
    method: "POST",
    url: senseWorkflowUrl(access),
    apiKey: access.apiKey,
    body: {
      message: request.message,
      stream: false,
      session_id: request.sessionId,
      ...(request.workflowId ? { workflow_id: request.workflowId } : {}),
      ...(request.versionId ? { version_id: request.versionId } : {}),
    },
    timeoutMs: 180_000,
    retries: 0,
  });
  return answerSchema.parse(isRecord(body) ? body : {});
}
