import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../db";
import type { EachlabsAccess } from "../eachlabs/client";
import { accessFor } from "../eachlabs/access";
import { env } from "../env";
import type { Prisma } from "../generated/prisma/client";
import { AppError } from "../shared/errors";
import type { BulkRowResult } from "../shared/workflow-api";
import { isRecord } from "../shared/workflow-types";
import * as upstream from "./client";
import { workflowError } from "./errors";
import { inputErrors } from "./inputs";
import { getWorkflowDetail } from "./manage";
import { toExecutionSummary } from "./views";
import { executionWebhookUrl } from "./webhook-target";

/** The same per-person limit as model runs (RUNS_PER_MINUTE), counted in executions. */
async function enforceRateLimit(userId: string, adding: number): Promise<void> {
  const limit = env().runsPerMinute;
  const recent = await db().workflowExecution.count({
    where: { userId, createdAt: { gt: new Date(Date.now() - 60_000) } },
  });
  if (recent + adding > limit)
    throw new AppError(
      "rate_limited:workflow",
      `You started ${recent} runs in the last minute (at most ${limit}). Wait a moment, then try again.`,
      { retryAfter: 30 },
    );
}

/** The workflow and the version to run (default: the latest), synced once if we lack it. */
async function runnableVersion(userId: string, workflowId: string, versionId?: string) {
  const load = () =>
    db().workflow.findFirst({ where: { id: workflowId, userId }, include: { versions: true } });
  let workflow = await load();
  if (!workflow) throw new AppError("not_found:workflow", "This workflow does not exist.");
  const wanted = versionId ?? workflow.latestVersionId ?? workflow.versions.at(-1)?.versionId;
  let version = workflow.versions.find((v) => v.versionId === wanted);
  if (!version) {
    await getWorkflowDetail(userId, workflowId);
    workflow = (await load())!;
    version = workflow.versions.find(
      (v) => v.versionId === (versionId ?? workflow!.latestVersionId),
    );
  }
  if (!version)
    throw new AppError(
      "not_found:workflow_version",
      `This workflow has no version ${wanted ?? ""}.`,
    );
  return { workflow, version };
}

type NewExecution = {
  userId: string;
  access: EachlabsAccess;
  workflowId: string | null;
  upstreamWorkflowId: string;
  workflowName: string;
  versionId: string;
  definition: unknown;
  publicRef?: string;
};

function recordExecution(
  base: NewExecution,
  inputs: Record<string, unknown>,
  extra: {
    webhookSecret: string;
    bulkIndex?: number;
  },
) {
  return db().workflowExecution.create({
    data: {
      userId: base.userId,
      workflowId: base.workflowId,
      upstreamWorkflowId: base.upstreamWorkflowId,
      workflowName: base.workflowName,
      versionId: base.versionId,
      publicRef: base.publicRef ?? null,
      keySource: base.access.keySource,
      inputs: inputs as Prisma.InputJsonValue,
      definition: isRecord(base.definition)
        ? (base.definition as Prisma.InputJsonValue)
        : undefined,
      webhookSecret: extra.webhookSecret,
      bulkIndex: extra.bulkIndex ?? null,
    },
  });
}

async function markRefused(ids: string[], code: string, message: string): Promise<void> {
  await db().workflowExecution.updateMany({
    where: { id: { in: ids }, status: "queued", upstreamExecutionId: null },
    data: { status: "failed", error: { code, message }, completedAt: new Date() },
  });
}

async function markAccepted(id: string, upstreamExecutionId: string, bulkId?: string | null) {
  // A fast webhook may already have named it.
  await db().workflowExecution.updateMany({
    where: { id, upstreamExecutionId: null },
    data: { upstreamExecutionId, ...(bulkId ? { bulkId } : {}) },
  });
}

/**
 * Records the execution, then triggers it upstream with our webhook and a secret of its own.
 * If upstream refuses, the row keeps the inputs and says why, and the error is thrown.
 */
async function startOne(
  base: NewExecution,
  inputs: Record<string, unknown>,
  send: (webhook: upstream.Webhook) => Promise<{ executionId: string }>,
): Promise<string> {
  const fields = inputErrors(base.definition, inputs);
  if (Object.keys(fields).length > 0)
    throw new AppError("unprocessable:input", "Some inputs need attention.", { fields });
  await enforceRateLimit(base.userId, 1);
  const webhookSecret = randomBytes(24).toString("hex");
  const row = await recordExecution(base, inputs, { webhookSecret });
  const url = executionWebhookUrl(row.id);
  try {
    const answer = await send(url ? { url, secret: webhookSecret } : undefined);
    if (!answer.executionId)
      throw new AppError("upstream:workflow", "each::workflows accepted the run but sent no id.");
    await markAccepted(row.id, answer.executionId);
  } catch (error) {
    const appError = workflowError(error, "execution");
    await markRefused([row.id], appError.code, appError.message);
    throw appError;
  }
  return row.id;
}

export async function triggerExecution(
  userId: string,
  workflowId: string,
  request: { versionId?: string | undefined; inputs: Record<string, unknown> },
): Promise<string> {
  const { workflow, version } = await runnableVersion(userId, workflowId, request.versionId);
  const access = await accessFor(userId);
  const base: NewExecution = {
    userId,
    access,
    workflowId: workflow.id,
    upstreamWorkflowId: workflow.upstreamId,
    workflowName: workflow.name,
    versionId: version.versionId,
    definition: version.definition,
  };
  return startOne(base, request.inputs, (webhook) =>
    upstream.triggerWorkflow(
      access,
      workflow.upstreamId,
      version.versionId,
      request.inputs,
      webhook,
    ),
  );
}

/** Runs someone's shared version under the runner's key; the execution is the runner's. */
export async function triggerPublicExecution(
  userId: string,
  ref: { nickname: string; slug: string; versionId: string },
  inputs: Record<string, unknown>,
): Promise<string> {
  const access = await accessFor(userId);
  let shared;
  try {
    shared = await upstream.getPublicVersion(access, ref);
  } catch (error) {
    throw workflowError(error, "workflow");
  }
  const own = await db().workflow.findFirst({
    where: { userId, upstreamId: shared.upstreamWorkflowId },
    select: { id: true },
  });
  const base: NewExecution = {
    userId,
    access,
    workflowId: own?.id ?? null,
    upstreamWorkflowId: shared.upstreamWorkflowId,
    workflowName: shared.name,
    versionId: shared.versionId,
    definition: shared.definition,
    publicRef: `@${ref.nickname.replace(/^@/, "")}/${ref.slug}/${ref.versionId}`,
  };
  return startOne(base, inputs, (webhook) => upstream.triggerPublic(access, ref, inputs, webhook));
}

/**
 * Up to 10 executions at once. Rows whose inputs break the input_schema are reported failed
 * here and not sent; the others are recorded, sent in one bulk trigger (sharing one webhook
 * URL and secret, as upstream takes one), and each reported as upstream answered it.
 */
export async function bulkTriggerExecutions(
  userId: string,
  workflowId: string,
  request: { versionId?: string | undefined; inputs: Record<string, unknown>[] },
): Promise<{ bulkId: string | null; results: BulkRowResult[] }> {
  const { workflow, version } = await runnableVersion(userId, workflowId, request.versionId);
  const results: BulkRowResult[] = [];
  const valid: { index: number; inputs: Record<string, unknown> }[] = [];
  request.inputs.forEach((inputs, index) => {
    const fields = inputErrors(version.definition, inputs);
    if (Object.keys(fields).length === 0) valid.push({ index, inputs });
    else
      results.push({
        index,
        ok: false,
        error: { code: "unprocessable:input", message: "Some inputs need attention.", fields },
      });
  });
  if (valid.length === 0) return { bulkId: null, results };
  await enforceRateLimit(userId, valid.length);

  const access = await accessFor(userId);
  const base: NewExecution = {
    userId,
    access,
    workflowId: workflow.id,
    upstreamWorkflowId: workflow.upstreamId,
    workflowName: workflow.name,
    versionId: version.versionId,
    definition: version.definition,
  };
  const webhookSecret = randomBytes(24).toString("hex");
  const rows = [];
  for (const [bulkIndex, row] of valid.entries())
    rows.push(await recordExecution(base, row.inputs, { webhookSecret, bulkIndex }));
  const url = executionWebhookUrl(rows[0]!.id);
  let answer;
  try {
    answer = await upstream.bulkTrigger(
      access,
      workflow.upstreamId,
      version.versionId,
      valid.map((row) => row.inputs),
      url ? { url, secret: webhookSecret } : undefined,
    );
  } catch (error) {
    const appError = workflowError(error, "execution");
    await markRefused(
      rows.map((row) => row.id),
      appError.code,
      appError.message,
    );
    throw appError;
  }
  for (const [position, row] of rows.entries()) {
    const index = valid[position]!.index;
    const said = answer.rows[position];
    if (said?.ok) {
      await markAccepted(row.id, said.executionId, answer.bulkId);
      const saved = await db().workflowExecution.findUniqueOrThrow({ where: { id: row.id } });
      results.push({ index, ok: true, execution: toExecutionSummary(saved) });
    } else {
      const message = said?.message ?? "each::workflows did not answer for this row.";
      await markRefused([row.id], "unprocessable:workflow", message);
      if (answer.bulkId)
        await db().workflowExecution.updateMany({
          where: { id: row.id },
          data: { bulkId: answer.bulkId },
        });
      results.push({
        index,
        ok: false,
        error: { code: "unprocessable:workflow", message },
        executionId: row.id,
      });
    }
  }
  results.sort((a, b) => a.index - b.index);
  return { bulkId: answer.bulkId, results };
}
