import "server-only";
import type { EachlabsAccess } from "../eachlabs/client";
import { paths } from "./paths";
import { callWorkflows } from "./upstream-call";
import {
  bulkAnswerSchema,
  listOf,
  parseAnswer,
  triggerAnswerSchema,
  upstreamExecutionSchema,
  upstreamVersionSchema,
  upstreamWorkflowSchema,
  type UpstreamExecution,
  type UpstreamVersion,
  type UpstreamWorkflow,
} from "./upstream-schemas";
import { isRecord, type WorkflowDefinition } from "../shared/workflow-types";
import type { WorkflowCategory } from "../shared/workflow-api";

// The each::workflows client: one function per documented operation, both path families
// (lib/workflows/paths.ts), answers read liberally (upstream-schemas.ts). Errors are
// UpstreamError; lib/workflows/errors.ts says what they mean to a person.

export type Webhook = { url: string; secret: string } | undefined;

function webhookFields(webhook: Webhook) {
  return webhook ? { webhook_url: webhook.url, webhook_secret: webhook.secret } : {};
}

export async function listCategories(access: EachlabsAccess): Promise<WorkflowCategory[]> {
  const body = await callWorkflows(access, paths.categories());
  return listOf(body, "categories").flatMap((item) => {
    if (typeof item === "string") return [{ slug: item, label: item, description: "" }];
    if (!isRecord(item) || typeof item.slug !== "string") return [];
    const label = [item.label, item.name].find((v): v is string => typeof v === "string");
    return [
      {
        slug: item.slug,
        label: label ?? item.slug,
        description: typeof item.description === "string" ? item.description : "",
      },
    ];
  });
}

export async function createWorkflow(
  access: EachlabsAccess,
  request: { name: string; description: string; categories: string[]; definition: unknown },
): Promise<UpstreamWorkflow> {
  const body = await callWorkflows(access, paths.createWorkflow(), request, { retries: 0 });
  return parseAnswer(upstreamWorkflowSchema, body, "a workflow");
}

/** `id` is the platform's UUID or the slug. */
export async function getWorkflow(access: EachlabsAccess, id: string): Promise<UpstreamWorkflow> {
  const body = await callWorkflows(access, paths.getWorkflow(id), undefined, { timeoutMs: 15_000 });
  return parseAnswer(upstreamWorkflowSchema, body, "a workflow");
}

export async function updateWorkflow(
  access: EachlabsAccess,
  id: string,
  changes: { name?: string; description?: string; categories?: string[] },
): Promise<UpstreamWorkflow> {
  const body = await callWorkflows(access, paths.updateWorkflow(id), changes);
  return parseAnswer(upstreamWorkflowSchema, body, "a workflow");
}

/** Creates the version or changes it (omitted fields keep their value upstream). */
export async function putVersion(
  access: EachlabsAccess,
  id: string,
  versionId: string,
  changes: {
    definition?: unknown;
    status?: "active" | "archived" | "deleted";
    locked?: boolean;
    allowed_to_share?: boolean;
  },
): Promise<UpstreamVersion> {
  const body = await callWorkflows(access, paths.putVersion(id, versionId), changes);
  const version = parseAnswer(upstreamVersionSchema, body, "a version");
  return { ...version, versionId: version.versionId || versionId };
}

/** Starts one execution: 202 `{execution_id, status: "queued"}`. Never retried blindly. */
export async function triggerWorkflow(
  access: EachlabsAccess,
  id: string,
  versionId: string,
  inputs: Record<string, unknown>,
  webhook: Webhook,
): Promise<{ executionId: string; startedAt: string | undefined }> {
  // `version_id` in the body is the reference's way; the official path carries it instead.
  const body = await callWorkflows(
    access,
    paths.trigger(id, versionId),
    { version_id: versionId, inputs, ...webhookFields(webhook) },
    { retries: 0 },
  );
  return parseAnswer(triggerAnswerSchema, body, "a trigger answer");
}

/** 1–10 executions sharing a bulk id; rows come back in request order, some may have failed. */
export async function bulkTrigger(
  access: EachlabsAccess,
  id: string,
  versionId: string,
  inputs: Record<string, unknown>[],
  webhook: Webhook,
) {
  const body = await callWorkflows(
    access,
    paths.bulkTrigger(id, versionId),
    { version_id: versionId, inputs, ...webhookFields(webhook) },
    { retries: 0 },
  );
  return parseAnswer(bulkAnswerSchema, body, "a bulk trigger answer");
}

export async function listExecutions(
  access: EachlabsAccess,
  id: string,
  query: { limit?: number; offset?: number } = {},
): Promise<UpstreamExecution[]> {
  const body = await callWorkflows(access, paths.listExecutions(id, query));
  return listOf(body, "executions").flatMap((item) => {
    const parsed = upstreamExecutionSchema.safeParse(item);
    return parsed.success && parsed.data.executionId ? [parsed.data] : [];
  });
}

export async function getExecution(
  access: EachlabsAccess,
  executionId: string,
  options: { retries?: number } = {},
): Promise<UpstreamExecution> {
  const body = await callWorkflows(access, paths.getExecution(executionId), undefined, {
    timeoutMs: 15_000,
    ...options,
  });
  return parseAnswer(upstreamExecutionSchema, body, "an execution");
}

/** A shared version: no key needed. */
export async function getPublicVersion(
  access: EachlabsAccess,
  ref: { nickname: string; slug: string; versionId: string },
) {
  const body = await callWorkflows(
    access,
    paths.publicVersion(ref.nickname, ref.slug, ref.versionId),
    undefined,
    { anonymous: true, timeoutMs: 15_000 },
  );
  const record = isRecord(body) ? body : {};
  const workflow = parseAnswer(upstreamWorkflowSchema, body, "a shared workflow");
  const version = parseAnswer(upstreamVersionSchema, body, "a shared workflow");
  return {
    upstreamWorkflowId: workflow.upstreamId,
    slug: workflow.slug || ref.slug,
    versionId: version.versionId || ref.versionId,
    name: workflow.name ?? ref.slug,
    description: workflow.description ?? "",
    categories: workflow.categories,
    status: typeof record.status === "string" ? record.status : "active",
    definition:
      version.definition && Array.isArray(version.definition.steps)
        ? (version.definition as WorkflowDefinition)
        : null,
  };
}

/**
 * Runs a shared version under the runner's key: the official platform takes it as `api_key`
 * in the body (or X-API-Key, which callUpstream also sends), and bills that key.
 */
export async function triggerPublic(
  access: EachlabsAccess,
  ref: { nickname: string; slug: string; versionId: string },
  inputs: Record<string, unknown>,
  webhook: Webhook,
) {
  const body = await callWorkflows(
    access,
    paths.publicTrigger(ref.nickname, ref.slug, ref.versionId),
    { inputs, api_key: access.apiKey, ...webhookFields(webhook) },
    { retries: 0 },
  );
  return parseAnswer(triggerAnswerSchema, body, "a trigger answer");
}
