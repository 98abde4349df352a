import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../db";
import { accessFor } from "../eachlabs/access";
import { UpstreamError } from "../eachlabs/upstream-error";
import { AppError } from "../shared/errors";
import type { WorkflowDetailView, WorkflowSummaryView } from "../shared/workflow-api";
import { validateDefinition } from "../shared/workflow-validate";
import { nextVersionId } from "../shared/workflow-types";
import * as upstream from "./client";
import { definitionError, LOCKED_VERSION_MESSAGE, workflowError } from "./errors";
import { inputSchemaProblem } from "./inputs";
import { syncVersion, syncWorkflow } from "./sync";
import { toDetailView, toSummaryView } from "./views";

const withLatest = {
  versions: true,
  executions: {
    orderBy: { createdAt: "desc" },
    take: 1,
    select: { id: true, status: true, createdAt: true },
  },
} as const;

/** Refuses a definition each::workflows would refuse, naming the step, before any call. */
export function assertValidDefinition(definition: unknown): void {
  const problems = validateDefinition(definition);
  const schemaProblem = inputSchemaProblem(definition);
  if (schemaProblem) problems.push({ stepId: null, message: schemaProblem });
  if (problems.length > 0) throw definitionError(problems);
}

async function ownedWorkflow(userId: string, id: string) {
  const workflow = await db().workflow.findFirst({ where: { id, userId } });
  if (!workflow) throw new AppError("not_found:workflow", "This workflow does not exist.");
  return workflow;
}

export async function listWorkflows(
  userId: string,
  options: { category?: string | undefined } = {},
): Promise<WorkflowSummaryView[]> {
  const rows = await db().workflow.findMany({
    where: {
      userId,
      ...(options.category ? { categories: { array_contains: [options.category] } } : {}),
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    include: withLatest,
  });
  return rows.map(toSummaryView);
}

/**
 * Creates the workflow upstream and records it. Slugs come from names and are unique per
 * key upstream (409), and the server's key is shared by everyone without a key of their own:
 * a taken slug is retried with a short suffix on the upstream name; ours keeps the person's.
 */
export async function createWorkflowFor(
  userId: string,
  input: { name: string; description?: string; categories?: string[]; definition: unknown },
  own: { source?: string; senseSessionId?: string | null } = {},
): Promise<string> {
  assertValidDefinition(input.definition);
  const access = await accessFor(userId);
  const description = input.description ?? "";
  const categories = input.categories ?? [];
  for (let attempt = 0; ; attempt++) {
    const name = attempt === 0 ? input.name : `${input.name} ${randomBytes(2).toString("hex")}`;
    try {
      const created = await upstream.createWorkflow(access, {
        name,
        description,
        categories,
        definition: input.definition,
      });
      if (!created.upstreamId)
        throw new AppError("upstream:workflow", "each::workflows sent no workflow id.");
      return await syncWorkflow(userId, created, {
        name: input.name,
        description,
        categories,
        ...own,
      });
    } catch (error) {
      if (error instanceof UpstreamError && error.status === 409 && attempt < 3) continue;
      throw workflowError(error, "definition");
    }
  }
}

/** One workflow with its versions, fetched from upstream and synced; our copy if upstream fails. */
export async function getWorkflowDetail(userId: string, id: string): Promise<WorkflowDetailView> {
  const row = await ownedWorkflow(userId, id);
  let sync = { synced: true, syncError: null as string | null };
  try {
    const found = await upstream.getWorkflow(await accessFor(userId), row.upstreamId);
    if (found.upstreamId === row.upstreamId || !found.upstreamId)
      await syncWorkflow(userId, { ...found, upstreamId: row.upstreamId });
  } catch (error) {
    sync = { synced: false, syncError: workflowError(error).message };
  }
  const workflow = await db().workflow.findFirstOrThrow({
    where: { id, userId },
    include: withLatest,
  });
  return toDetailView(workflow, sync);
}

export async function updateWorkflowMetadata(
  userId: string,
  id: string,
  changes: { name?: string; description?: string; categories?: string[] },
): Promise<void> {
  const row = await ownedWorkflow(userId, id);
  try {
    await upstream.updateWorkflow(await accessFor(userId), row.upstreamId, changes);
  } catch (error) {
    throw workflowError(error, "workflow");
  }
  await db().workflow.updateMany({ where: { id, userId }, data: changes });
}

/** Creates or changes a version upstream (a locked one refuses), then refreshes our copy. */
export async function saveVersion(
  userId: string,
  id: string,
  versionId: string,
  changes: {
    definition?: unknown;
    status?: "active" | "archived" | "deleted";
    locked?: boolean;
    allowedToShare?: boolean;
  },
): Promise<void> {
  const row = await ownedWorkflow(userId, id);
  const known = await db().workflowVersion.findUnique({
    where: { workflowId_versionId: { workflowId: row.id, versionId } },
    select: { locked: true },
  });
  // Upstream refuses every change to a locked version, unlocking included.
  if (known?.locked) throw new AppError("forbidden:version_locked", LOCKED_VERSION_MESSAGE);
  if (!known && changes.definition === undefined)
    throw new AppError("bad_request:definition", "A new version needs a definition.", {
      fields: { definition: "A new version needs a definition." },
    });
  if (changes.definition !== undefined) assertValidDefinition(changes.definition);
  const access = await accessFor(userId);
  let saved;
  try {
    saved = await upstream.putVersion(access, row.upstreamId, versionId, {
      ...(changes.definition !== undefined ? { definition: changes.definition } : {}),
      ...(changes.status !== undefined ? { status: changes.status } : {}),
      ...(changes.locked !== undefined ? { locked: changes.locked } : {}),
      ...(changes.allowedToShare !== undefined ? { allowed_to_share: changes.allowedToShare } : {}),
    });
  } catch (error) {
    throw workflowError(error, changes.definition !== undefined ? "definition" : "version");
  }
  await syncVersion(row.id, saved);
  // Which version is now the latest is upstream's call: ask (our copy of the PUT is enough
  // if that fails).
  try {
    await syncWorkflow(userId, {
      ...(await upstream.getWorkflow(access, row.upstreamId)),
      upstreamId: row.upstreamId,
    });
  } catch {
    if (changes.definition !== undefined)
      await db().workflow.updateMany({
        where: { id, userId },
        data: { latestVersionId: versionId },
      });
  }
}

/** "Save as new version": the next free vN (after syncing, so one made elsewhere is not reused). */
export async function saveNewVersion(
  userId: string,
  id: string,
  changes: { definition: unknown; locked?: boolean; allowedToShare?: boolean },
): Promise<string> {
  assertValidDefinition(changes.definition);
  const row = await ownedWorkflow(userId, id);
  try {
    await syncWorkflow(userId, {
      ...(await upstream.getWorkflow(await accessFor(userId), row.upstreamId)),
      upstreamId: row.upstreamId,
    });
  } catch {
    // Our copy decides; upstream's PUT would only update a version we do not know of.
  }
  const versions = await db().workflowVersion.findMany({
    where: { workflowId: row.id },
    select: { versionId: true },
  });
  const versionId = nextVersionId(versions.map((v) => v.versionId));
  await saveVersion(userId, id, versionId, changes);
  return versionId;
}
