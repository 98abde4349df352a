import { randomUUID } from "node:crypto";
import { presentedKey } from "../api/auth.js";
import { AUTH_ERROR, sendApiError } from "../api/errors.js";
import { isPlainObject, readJsonBody } from "../http/read-body.js";
import { sendJson } from "../http/respond.js";
import { validateDefinition } from "./definition-validator.js";
import { executionSummary, executionView } from "./execution-record.js";
import type { WorkflowDefinition } from "./types.js";
import {
  VERSION_STATUSES,
  type VersionPatch,
  type VersionRecord,
  type VersionStatus,
  type WorkflowRecord,
} from "./workflow-registry.js";
import {
  CATEGORIES,
  publicVersionView,
  versionView,
  workflowSummary,
  workflowView,
} from "./workflow-view.js";
import type { WorkflowCall } from "./workflows-product.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_BULK = 10;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;

type Json = Record<string, unknown>;

function fail(
  call: WorkflowCall,
  status: number,
  error: string,
  details?: string | { field: string; message: string }[],
): void {
  sendApiError(call.res, call.dialect, status, error, details === undefined ? {} : { details });
}

/** The JSON object body, or null after answering 400. */
async function body(call: WorkflowCall): Promise<Json | null> {
  const parsed = await readJsonBody(call.req);
  if (!parsed.ok) {
    fail(
      call,
      parsed.reason === "too-large" ? 413 : 400,
      parsed.reason === "too-large" ? "request body too large" : "invalid request body",
    );
    return null;
  }
  if (!isPlainObject(parsed.value)) {
    fail(call, 400, "invalid request body", "the body must be a JSON object");
    return null;
  }
  return parsed.value;
}

function key(call: WorkflowCall): string {
  if (call.key === null) throw new Error(`route ${call.url.pathname} reached without a key`);
  return call.key;
}

function findWorkflow(call: WorkflowCall): WorkflowRecord | null {
  const workflow = call.service.registry.get(key(call), call.params.id ?? "");
  if (workflow === undefined) {
    fail(call, 404, "workflow not found");
    return null;
  }
  return workflow;
}

function publicUrl(call: WorkflowCall): string {
  return call.ctx.publicUrl();
}

/** Missing required fields: 422 in the reference (its error table), 400 on the official platform. */
function missing(call: WorkflowCall, field: string): void {
  fail(call, call.dialect === "official" ? 400 : 422, `${field} field is required`, [
    { field, message: "is required" },
  ]);
}

function stringList(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((item) => typeof item === "string") ? value : null;
}

/** A definition from a body: checked, or null after answering 400 naming the step. */
function checkedDefinition(call: WorkflowCall, value: unknown): WorkflowDefinition | null {
  const check = validateDefinition(value);
  if (!check.ok) {
    fail(
      call,
      400,
      check.error,
      check.problems.map((problem) => ({
        field: problem.step === "" ? "definition" : `steps.${problem.step}`,
        message: problem.message,
      })),
    );
    return null;
  }
  return check.definition;
}

function parseCount(
  text: string | null,
  fallback: number,
  min: number,
  max: number,
): number | null {
  if (text === null || text === "") return fallback;
  if (!/^\d+$/.test(text)) return null;
  const value = Number(text);
  return value < min || value > max ? null : value;
}

// ---------- catalog of categories, workflows ----------

export function listCategories(call: WorkflowCall): void {
  sendJson(call.res, 200, { categories: CATEGORIES });
}

/** GET /workflows: the key's workflows, newest first; `offset` in the answer is the next page's start. */
export function listWorkflows(call: WorkflowCall): void {
  const { searchParams } = call.url;
  // Official: a larger limit is capped at 100; paging deeper than 1000 rows is refused.
  const asked = parseCount(searchParams.get("limit"), DEFAULT_LIMIT, 1, Number.MAX_SAFE_INTEGER);
  const limit = asked === null ? null : Math.min(asked, MAX_LIMIT);
  const offset = parseCount(searchParams.get("offset"), 0, 0, Number.MAX_SAFE_INTEGER);
  if (limit === null || offset === null || offset + limit > 1000) {
    fail(call, 400, "invalid argument", "limit must be 1-100 and offset + limit at most 1000");
    return;
  }
  const category = searchParams.get("category");
  const keyword = searchParams.get("keyword")?.toLowerCase();
  const all = call.service.registry
    .list(key(call))
    .filter((workflow) => category === null || workflow.categories.includes(category))
    .filter((workflow) => keyword === undefined || workflow.name.toLowerCase().includes(keyword));
  const page = all.slice(offset, offset + limit);
  const next = offset + page.length;
  sendJson(call.res, 200, {
    workflows: page.map(workflowSummary),
    ...(next < all.length ? { offset: next } : {}),
    total_count: all.length,
  });
}

/**
 * POST /workflows → 201 with the workflow and its first version. The
 * definition is checked first (400 naming the step). Reference: `categories`
 * and `tags` are taken from the body; official: ignored (`["general"]`), as
 * its create page says. 409 when the key already has a workflow with that slug.
 */
export async function createWorkflow(call: WorkflowCall): Promise<void> {
  const fields = await body(call);
  if (fields === null) return;
  if (typeof fields.name !== "string" || fields.name.trim() === "") {
    missing(call, "name");
    return;
  }
  if (fields.description !== undefined && typeof fields.description !== "string") {
    fail(call, 400, "description must be a string");
    return;
  }
  const official = call.dialect === "official";
  const categories = fields.categories === undefined ? undefined : stringList(fields.categories);
  const tags = fields.tags === undefined ? undefined : stringList(fields.tags);
  if (!official && (categories === null || tags === null)) {
    fail(call, 400, `${categories === null ? "categories" : "tags"} must be a list of strings`);
    return;
  }
  let definition: WorkflowDefinition | null = null;
  if (fields.definition !== undefined && fields.definition !== null) {
    definition = checkedDefinition(call, fields.definition);
    if (definition === null) return;
  } else if (!official) {
    missing(call, "definition");
    return;
  }
  const workflow = call.service.registry.create(key(call), {
    name: fields.name.trim(),
    description: typeof fields.description === "string" ? fields.description : "",
    categories: official ? ["general"] : (categories ?? ["general"]),
    tags: official ? [] : (tags ?? []),
    definition,
  });
  if (workflow === null) {
    fail(
      call,
      409,
      "a workflow with that slug already exists",
      "rename it, or update the existing one",
    );
    return;
  }
  call.ctx.log(`workflow ${workflow.workflow_id} created: ${workflow.slug}`);
  sendJson(call.res, 201, workflowView(workflow, publicUrl(call), call.dialect));
}

export function getWorkflow(call: WorkflowCall): void {
  const workflow = findWorkflow(call);
  if (workflow !== null)
    sendJson(call.res, 200, workflowView(workflow, publicUrl(call), call.dialect));
}

/**
 * PUT /workflows/{id}: metadata only (name, description, categories, tags,
 * locked, production). A locked workflow refuses every change but unlocking (403).
 */
export async function updateWorkflow(call: WorkflowCall): Promise<void> {
  const workflow = findWorkflow(call);
  if (workflow === null) return;
  const fields = await body(call);
  if (fields === null) return;
  const problems: string[] = [];
  for (const field of ["name", "description"])
    if (fields[field] !== undefined && typeof fields[field] !== "string")
      problems.push(`${field} must be a string`);
  for (const field of ["categories", "tags"])
    if (fields[field] !== undefined && stringList(fields[field]) === null)
      problems.push(`${field} must be a list of strings`);
  for (const field of ["locked", "production"])
    if (fields[field] !== undefined && typeof fields[field] !== "boolean")
      problems.push(`${field} must be true or false`);
  if (typeof fields.name === "string" && fields.name.trim() === "")
    problems.push("name must not be empty");
  if (problems.length > 0) {
    fail(call, 400, problems[0] ?? "invalid request body");
    return;
  }
  const changes = Object.keys(fields).filter((field) =>
    ["name", "description", "categories", "tags", "production"].includes(field),
  );
  if (workflow.locked && fields.locked !== false) {
    fail(call, 403, "Workflow is locked");
    return;
  }
  if (workflow.locked && changes.length > 0) {
    fail(call, 403, "Workflow is locked", 'unlock it first with {"locked": false}');
    return;
  }
  if (typeof fields.name === "string") workflow.name = fields.name.trim();
  if (typeof fields.description === "string") workflow.description = fields.description;
  if (fields.categories !== undefined) workflow.categories = fields.categories as string[];
  if (fields.tags !== undefined) workflow.tags = fields.tags as string[];
  if (typeof fields.locked === "boolean") workflow.locked = fields.locked;
  if (typeof fields.production === "boolean") workflow.production = fields.production;
  workflow.updated_at = new Date();
  sendJson(call.res, 200, workflowView(workflow, publicUrl(call), call.dialect));
}

/**
 * PUT /workflows/{id}/versions/{versionID}: creates the version (a definition
 * is required) or patches it (omitted fields keep their value), and makes it
 * the latest. A locked version, or any version of a locked workflow, refuses
 * with 403 `{"error": "version is locked"}`.
 */
export async function putVersion(call: WorkflowCall): Promise<void> {
  const workflow = findWorkflow(call);
  if (workflow === null) return;
  const fields = await body(call);
  if (fields === null) return;
  const versionId =
    typeof fields.version_id === "string" && fields.version_id !== ""
      ? fields.version_id
      : (call.params.versionId ?? "");
  if (!/^[\w.-]{1,40}$/.test(versionId)) {
    fail(call, 400, "invalid version id", "letters, digits, _ . - (at most 40)");
    return;
  }
  const existing = call.service.registry.version(workflow, versionId);
  if (workflow.locked) {
    fail(call, 403, "Workflow is locked");
    return;
  }
  if (existing?.locked === true) {
    fail(call, 403, "version is locked");
    return;
  }
  const patch: VersionPatch = {};
  for (const field of ["locked", "allowed_to_share", "published", "production"] as const) {
    if (fields[field] === undefined) continue;
    if (typeof fields[field] !== "boolean") {
      fail(call, 400, `${field} must be true or false`);
      return;
    }
    patch[field] = fields[field];
  }
  if (fields.status !== undefined) {
    if (!VERSION_STATUSES.includes(fields.status as VersionStatus)) {
      fail(call, 400, `status must be one of ${VERSION_STATUSES.join(", ")}`);
      return;
    }
    patch.status = fields.status as VersionStatus;
  }
  if (fields.output_mapping !== undefined) {
    const mapping = fields.output_mapping;
    if (
      mapping !== null &&
      !(
        isPlainObject(mapping) && Object.values(mapping).every((value) => typeof value === "string")
      )
    ) {
      fail(call, 400, "output_mapping must be an object of $ expressions");
      return;
    }
    patch.output_mapping = mapping as Record<string, string> | null;
  }
  if (fields.definition !== undefined && fields.definition !== null) {
    const definition = checkedDefinition(call, fields.definition);
    if (definition === null) return;
    patch.definition = definition;
  } else if (existing === undefined) {
    missing(call, "definition");
    return;
  }
  const { version, created } = call.service.registry.putVersion(workflow, versionId, patch);
  call.ctx.log(
    `workflow ${workflow.workflow_id} version ${versionId} ${created ? "created" : "updated"}`,
  );
  sendJson(call.res, 200, versionView(workflow, version, publicUrl(call), call.dialect));
}

// ---------- triggers ----------

interface TriggerFields {
  inputs: Json;
  webhook: { url: string; secret: string | null } | null;
}

/** Reads `webhook_url` (body, else query) and `webhook_secret`; a bad URL answers 400. */
function webhookOf(call: WorkflowCall, fields: Json): TriggerFields["webhook"] | "invalid" {
  const url = fields.webhook_url ?? call.url.searchParams.get("webhook_url") ?? undefined;
  if (url === undefined || url === null || url === "") return null;
  let parsed: URL | null = null;
  try {
    parsed = typeof url === "string" ? new URL(url) : null;
  } catch {
    parsed = null;
  }
  if (parsed === null || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) {
    fail(call, 400, "invalid webhook_url: must be an http(s) URL", [
      { field: "webhook_url", message: "must be an http(s) URL" },
    ]);
    return "invalid";
  }
  const secret = fields.webhook_secret;
  return { url: parsed.href, secret: typeof secret === "string" && secret !== "" ? secret : null };
}

/** The version to run: the path's (official), the body's `version_id` (reference), else the latest. */
function versionToRun(
  call: WorkflowCall,
  workflow: WorkflowRecord,
  fields: Json,
): VersionRecord | null {
  const wanted =
    call.params.versionId ??
    (typeof fields.version_id === "string" && fields.version_id !== "" ? fields.version_id : null);
  const version = call.service.registry.version(workflow, wanted);
  if (version === undefined) {
    fail(
      call,
      404,
      "workflow version not found",
      `no version ${wanted ?? workflow.latest_version_id}`,
    );
    return null;
  }
  return version;
}

/** Official: a key with no balance left cannot start a run (402). */
function refusePayment(call: WorkflowCall, runKey: string): boolean {
  if (call.dialect !== "official" || call.ctx.accounts.balance(runKey) > 0) return false;
  fail(
    call,
    402,
    "payment required",
    `Your balance ($${call.ctx.accounts.balance(runKey).toFixed(2)}) is exhausted. Add credits to continue.`,
  );
  return true;
}

function accepted(call: WorkflowCall, executionId: string, startedAt: Date): void {
  sendJson(call.res, 202, {
    execution_id: executionId,
    status: "queued",
    // The reference's trigger answer carries started_at; the official one does not.
    ...(call.dialect === "official" ? {} : { started_at: startedAt.toISOString() }),
  });
}

/**
 * Reference `POST /{id}/trigger` (`version_id` in the body, default latest) and
 * official `POST /v1/workflows/trigger/{id}/{versionID}` → 202 `{execution_id,
 * status: "queued"}` (+ `started_at` in the reference). Inputs are checked
 * against the version's input_schema (400 naming the field); archived versions
 * answer 400, deleted ones 404.
 */
export async function trigger(call: WorkflowCall): Promise<void> {
  const workflow = findWorkflow(call);
  if (workflow === null) return;
  const fields = await body(call);
  if (fields === null) return;
  const version = versionToRun(call, workflow, fields);
  if (version === null) return;
  if (fields.inputs !== undefined && fields.inputs !== null && !isPlainObject(fields.inputs)) {
    fail(call, 400, "inputs must be an object", [
      { field: "inputs", message: "must be an object" },
    ]);
    return;
  }
  const webhook = webhookOf(call, fields);
  if (webhook === "invalid") return;
  if (refusePayment(call, key(call))) return;
  const prepared = call.service.prepare(version, (fields.inputs as Json | undefined) ?? {});
  if (!prepared.ok) {
    fail(call, prepared.refusal.status, prepared.refusal.error, prepared.refusal.details);
    return;
  }
  const record = call.service.triggerVersion(key(call), workflow, version, prepared, {
    webhook,
    source: "api",
  });
  accepted(call, record.id, record.createdAt);
}

/**
 * Reference `POST /{id}/bulk-trigger` and official `POST
 * /v1/workflows/bulk-trigger/{id}/{versionID}`: 1–10 input objects (anything
 * else refuses the whole request with 400), one execution each, all sharing a
 * `bulk_id`. An entry that fails input validation is `{status: "failed",
 * message}` in the answer while the others run (202 either way).
 */
export async function bulkTrigger(call: WorkflowCall): Promise<void> {
  const workflow = findWorkflow(call);
  if (workflow === null) return;
  const fields = await body(call);
  if (fields === null) return;
  const inputs = fields.inputs;
  if (!Array.isArray(inputs) || inputs.length < 1 || inputs.length > MAX_BULK) {
    fail(call, 400, `inputs must be a list of 1 to ${MAX_BULK} objects`, [
      { field: "inputs", message: `must have 1 to ${MAX_BULK} items` },
    ]);
    return;
  }
  const bad = inputs.findIndex((entry) => !isPlainObject(entry));
  if (bad >= 0) {
    fail(call, 400, `inputs[${bad}] must be an object`, [
      { field: `inputs.${bad}`, message: "must be an object" },
    ]);
    return;
  }
  const version = versionToRun(call, workflow, fields);
  if (version === null) return;
  const webhook = webhookOf(call, fields);
  if (webhook === "invalid") return;
  if (refusePayment(call, key(call))) return;
  const refusal = call.service.versionRefusal(version);
  if (refusal !== null) {
    fail(call, refusal.status, refusal.error);
    return;
  }
  const bulkId = randomUUID();
  const executions = (inputs as Json[]).map((entry) => {
    const prepared = call.service.prepare(version, entry);
    if (!prepared.ok) return { status: "failed", message: prepared.refusal.error };
    const record = call.service.triggerVersion(key(call), workflow, version, prepared, {
      webhook,
      bulkId,
      source: "bulk",
    });
    return { execution_id: record.id, status: "queued" };
  });
  sendJson(call.res, 202, { bulk_id: bulkId, executions });
}

// ---------- executions ----------

/** GET /workflows/{id}/executions?limit&offset&bulk_id, newest first. */
export function listExecutions(call: WorkflowCall): void {
  const workflow = findWorkflow(call);
  if (workflow === null) return;
  const { searchParams } = call.url;
  const limit = parseCount(searchParams.get("limit"), DEFAULT_LIMIT, 1, MAX_LIMIT);
  const offset = parseCount(searchParams.get("offset"), 0, 0, Number.MAX_SAFE_INTEGER);
  if (limit === null || offset === null) {
    fail(call, 400, limit === null ? "invalid limit parameter" : "invalid offset parameter");
    return;
  }
  const bulkId = searchParams.get("bulk_id");
  if (bulkId !== null && !UUID.test(bulkId)) {
    fail(call, 400, "invalid bulk_id format");
    return;
  }
  const all = call.service.list({
    key: key(call),
    workflowId: workflow.workflow_id,
    ...(bulkId === null ? {} : { bulkId }),
  });
  sendJson(call.res, 200, {
    executions: all.slice(offset, offset + limit).map(executionSummary),
    limit,
    offset,
    total_count: all.length,
  });
}

/** GET /executions/{id}: another key's execution is 404, never 403. */
export function getExecution(call: WorkflowCall): void {
  const record = call.service.get(call.params.executionId ?? "");
  if (record === undefined || record.key !== key(call)) {
    fail(call, 404, "execution not found");
    return;
  }
  sendJson(call.res, 200, executionView(record, call.dialect));
}

// ---------- public links ----------

function findShared(call: WorkflowCall, notFound: string) {
  const nickname = call.params.nickname ?? "";
  const found = nickname.startsWith("@")
    ? call.service.registry.findPublic(
        nickname.slice(1),
        call.params.slug ?? "",
        call.params.versionId ?? "",
      )
    : undefined;
  if (found === undefined) fail(call, 404, notFound);
  return found ?? null;
}

/** GET /public/@{nickname}/workflows/{slug}/versions/{versionID}: no key; 404 unless `allowed_to_share`. */
export function getPublicVersion(call: WorkflowCall): void {
  const found = findShared(call, "workflow version not found");
  if (found !== null) sendJson(call.res, 200, publicVersionView(found.workflow, found.version));
}

/**
 * POST /public/@{nickname}/workflows/{slug}/versions/{versionID}/trigger: runs
 * a shared version. Official: the caller's key is required, as `api_key` in
 * the body or an `X-API-Key` header (not `Authorization: Bearer`), and the run
 * is billed to it. Reference: no key needed (the reference documents none);
 * without one the run is billed to, and readable by, the owner. A key that is
 * given but unknown is 401 in both.
 */
export async function triggerPublic(call: WorkflowCall): Promise<void> {
  const fields = await body(call);
  if (fields === null) return;
  const found = findShared(call, "workflow version not found or not publicly available");
  if (found === null) return;
  const header = call.req.headers["x-api-key"];
  const headerKey = (Array.isArray(header) ? header[0] : header)?.trim();
  const given =
    typeof fields.api_key === "string" && fields.api_key !== ""
      ? fields.api_key
      : headerKey !== undefined && headerKey !== ""
        ? headerKey
        : call.dialect === "reference"
          ? presentedKey(call.req)
          : null;
  if (given !== null && !call.ctx.config.keys.has(given)) {
    fail(call, 401, AUTH_ERROR);
    return;
  }
  if (given === null && call.dialect === "official") {
    fail(call, 401, AUTH_ERROR, "send your key as api_key in the body (or X-API-Key)");
    return;
  }
  const runKey = given ?? found.workflow.key;
  if (fields.inputs !== undefined && fields.inputs !== null && !isPlainObject(fields.inputs)) {
    fail(call, 400, "inputs must be an object", [
      { field: "inputs", message: "must be an object" },
    ]);
    return;
  }
  const webhook = webhookOf(call, fields);
  if (webhook === "invalid") return;
  if (refusePayment(call, runKey)) return;
  const prepared = call.service.prepare(found.version, (fields.inputs as Json | undefined) ?? {});
  if (!prepared.ok) {
    fail(call, prepared.refusal.status, prepared.refusal.error, prepared.refusal.details);
    return;
  }
  const record = call.service.triggerVersion(runKey, found.workflow, found.version, prepared, {
    webhook,
    source: "public",
  });
  accepted(call, record.id, record.createdAt);
}
