import "server-only";
import { z } from "zod";
import { AppError } from "../shared/errors";
import { isRecord } from "../shared/workflow-types";

// each::workflows answers, read liberally: both dialects, ids under either name, fields that
// may be missing or of an odd type fall back instead of failing the whole answer.

const text = z
  .unknown()
  .transform((value) =>
    typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined,
  )
  .optional();
const bool = z
  .unknown()
  .transform((value) => (typeof value === "boolean" ? value : value === "true" ? true : undefined))
  .optional();
const number = z
  .unknown()
  .transform((value) => {
    const n = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
    return Number.isFinite(n) ? n : undefined;
  })
  .optional();

export const upstreamVersionSchema = z
  .looseObject({
    version_id: text,
    id: text,
    version: text,
    status: text,
    locked: bool,
    allowed_to_share: bool,
    definition: z.unknown().optional(),
    public_url: text,
    created_at: text,
    updated_at: text,
  })
  .transform((v) => ({
    versionId: v.version_id ?? v.id ?? v.version ?? "",
    status: (v.status === "archived" || v.status === "deleted" ? v.status : "active") as
      "active" | "archived" | "deleted",
    locked: v.locked ?? false,
    allowedToShare: v.allowed_to_share ?? false,
    definition: isRecord(v.definition) ? v.definition : null,
    publicUrl: v.public_url ?? null,
  }));
export type UpstreamVersion = z.infer<typeof upstreamVersionSchema>;

function categoryList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) =>
    typeof item === "string"
      ? [item]
      : isRecord(item) && typeof item.slug === "string"
        ? [item.slug]
        : [],
  );
}

export const upstreamWorkflowSchema = z
  .looseObject({
    workflow_id: text,
    id: text,
    flow_id: text,
    slug: text,
    name: text,
    description: text,
    categories: z.unknown().optional(),
    latest_version_id: text,
    versions: z.unknown().optional(),
  })
  .transform((w) => ({
    upstreamId: w.workflow_id ?? w.id ?? w.flow_id ?? "",
    slug: w.slug ?? "",
    name: w.name,
    description: w.description,
    categories: categoryList(w.categories),
    latestVersionId: w.latest_version_id ?? null,
    versions: (Array.isArray(w.versions) ? w.versions : [])
      .map((version) => upstreamVersionSchema.safeParse(version))
      .flatMap((parsed) => (parsed.success && parsed.data.versionId ? [parsed.data] : [])),
  }));
export type UpstreamWorkflow = z.infer<typeof upstreamWorkflowSchema>;

export const upstreamExecutionSchema = z
  .looseObject({
    execution_id: text,
    id: text,
    workflow_id: text,
    flow_id: text,
    version_id: text,
    bulk_id: text,
    status: text,
    inputs: z.unknown().optional(),
    step_outputs: z.unknown().optional(),
    output: z.unknown().optional(),
    workflow_output: z.unknown().optional(),
    error: z.unknown().optional(),
    error_cause: z.unknown().optional(),
    total_cost: number,
    started_at: text,
    completed_at: text,
    ended_at: text,
  })
  .transform((x) => ({
    executionId: x.execution_id ?? x.id ?? "",
    workflowId: x.workflow_id ?? x.flow_id ?? null,
    versionId: x.version_id ?? null,
    bulkId: x.bulk_id ?? null,
    status: x.status ?? "running",
    inputs: isRecord(x.inputs) ? x.inputs : undefined,
    stepOutputs: x.step_outputs ?? undefined,
    output: x.output ?? undefined,
    workflowOutput: x.workflow_output ?? undefined,
    error: x.error ?? undefined,
    errorCause: x.error_cause ?? undefined,
    totalCost: x.total_cost,
    startedAt: x.started_at ?? null,
    completedAt: x.completed_at ?? x.ended_at ?? null,
  }));
export type UpstreamExecution = z.infer<typeof upstreamExecutionSchema>;

export const triggerAnswerSchema = z
  .looseObject({ execution_id: text, id: text, status: text, started_at: text })
  .transform((t) => ({ executionId: t.execution_id ?? t.id ?? "", startedAt: t.started_at }));

export const bulkAnswerSchema = z
  .looseObject({ bulk_id: text, executions: z.unknown().optional() })
  .transform((b) => ({
    bulkId: b.bulk_id ?? null,
    rows: (Array.isArray(b.executions) ? b.executions : []).map((row) => {
      const r = isRecord(row) ? row : {};
      const id = typeof r.execution_id === "string" ? r.execution_id : undefined;
      const failed = !id || /^(failed|error)$/i.test(String(r.status ?? ""));
      const message = [r.message, r.error, r.details].find(
        (value): value is string => typeof value === "string" && value !== "",
      );
      return failed
        ? { ok: false as const, message: message ?? "each::workflows refused this row." }
        : { ok: true as const, executionId: id };
    }),
  }));

/** A list answer: `{executions: [...]}` / `{workflows: [...]}` / `{categories: [...]}`, or a bare list. */
export function listOf(body: unknown, field: string): unknown[] {
  if (Array.isArray(body)) return body;
  if (isRecord(body) && Array.isArray(body[field])) return body[field] as unknown[];
  if (isRecord(body) && Array.isArray(body.data)) return body.data as unknown[];
  return [];
}

/** Parses an answer or says, as an AppError, that upstream sent something we cannot read. */
export function parseAnswer<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new AppError("upstream:workflow", `each::workflows sent ${what} we could not read.`);
  return parsed.data;
}
