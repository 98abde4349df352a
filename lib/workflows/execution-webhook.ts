import "server-only";
import { db } from "../db";
import { verifyWebhook } from "../runs/webhook-signature";
import { isRecord, isTerminalExecution, normalizeExecutionStatus } from "../shared/workflow-types";
import { applyExecutionReport } from "./apply-execution";
import { upstreamExecutionSchema } from "./upstream-schemas";

export type WebhookOutcome =
  | { status: 200; body: { ok: true }; executionId: string; final: boolean }
  | { status: 400 | 401 | 404 | 409; body: { error: string } };

const refuse = (status: 400 | 401 | 404 | 409, error: string): WebhookOutcome => ({
  status,
  body: { error },
});

/**
 * An execution's final state pushed by each::workflows to `?execution=<our id>`. Both bodies
 * are read: the reference's `{execution_id, workflow_id, status, inputs, step_outputs, output}`
 * (failure: `error`, `error_cause`) and the official one (the Get-Execution body). Accepted
 * only when signed with that execution's secret; duplicates and late ones change nothing.
 * A bulk trigger has one URL and secret for all its executions: the URL names the first,
 * the body's execution_id says which one it is.
 */
export async function handleExecutionWebhook(
  executionParam: string | null,
  rawBody: string,
  headers: Headers,
): Promise<WebhookOutcome> {
  const named = executionParam
    ? await db().workflowExecution.findUnique({
        where: { id: executionParam },
        select: {
          id: true,
          userId: true,
          webhookSecret: true,
          upstreamExecutionId: true,
          bulkIndex: true,
        },
      })
    : null;
  if (!named) return refuse(404, "unknown execution");
  const check = verifyWebhook(rawBody, headers, named.webhookSecret);
  if (!check.ok) return refuse(401, `invalid signature: ${check.reason}`);

  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return refuse(400, "body is not JSON");
  }
  const parsed = upstreamExecutionSchema.safeParse(body);
  if (!parsed.success || !isRecord(body) || typeof body.status !== "string")
    return refuse(400, "unrecognised payload");
  const report = parsed.data;

  let targetId: string | null = null;
  if (report.executionId && report.executionId === named.upstreamExecutionId) targetId = named.id;
  else if (named.upstreamExecutionId === null && named.bulkIndex === null) {
    // Faster than our own bookkeeping: the trigger's answer is not recorded yet.
    targetId = named.id;
    if (report.executionId)
      await db().workflowExecution.updateMany({
        where: { id: named.id, upstreamExecutionId: null },
        data: { upstreamExecutionId: report.executionId },
      });
  } else if (report.executionId) {
    const sibling = await db().workflowExecution.findFirst({
      where: {
        upstreamExecutionId: report.executionId,
        userId: named.userId,
        webhookSecret: named.webhookSecret,
      },
      select: { id: true },
    });
    targetId = sibling?.id ?? null;
  }
  // Not (yet) ours to place: upstream retries, and polling finds it meanwhile.
  if (!targetId) return refuse(409, "execution does not belong to this webhook");

  await applyExecutionReport(targetId, report);
  return {
    status: 200,
    body: { ok: true },
    executionId: targetId,
    final: isTerminalExecution(normalizeExecutionStatus(report.status)),
  };
}
