import "server-only";
import type {
  Asset,
  Workflow,
  WorkflowExecution,
  WorkflowVersion,
} from "../generated/prisma/client";
import type { AssetPreviews } from "../shared/asset-types";
import type { AssetKind } from "../shared/media-kind";
import type {
  ExecutionAssetView,
  WorkflowDetailView,
  WorkflowExecutionSummaryView,
  WorkflowExecutionView,
  WorkflowSummaryView,
  WorkflowVersionView,
} from "../shared/workflow-api";
import {
  allSteps,
  isRecord,
  type ExecutionStatus,
  type WorkflowDefinition,
} from "../shared/workflow-types";
import { parsePublicUrl } from "./paths";

// What the browser may see: never a webhook secret, never a key.

function definitionOf(value: unknown): WorkflowDefinition | null {
  return isRecord(value) && Array.isArray(value.steps) ? (value as WorkflowDefinition) : null;
}

function categoriesOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((c): c is string => typeof c === "string") : [];
}

export function publicApiPath(nickname: string, slug: string, versionId: string): string {
  const e = encodeURIComponent;
  return `/api/workflows/public/${e(nickname)}/${e(slug)}/${e(versionId)}`;
}

export function toVersionView(version: WorkflowVersion): WorkflowVersionView {
  const link =
    version.allowedToShare && version.status !== "deleted" && version.publicUrl
      ? parsePublicUrl(version.publicUrl)
      : null;
  return {
    versionId: version.versionId,
    status: version.status,
    locked: version.locked,
    allowedToShare: version.allowedToShare,
    definition: definitionOf(version.definition),
    share: link
      ? { ...link, apiPath: publicApiPath(link.nickname, link.slug, link.versionId) }
      : null,
    createdAt: version.createdAt.toISOString(),
    updatedAt: version.updatedAt.toISOString(),
  };
}

type WorkflowWithLatest = Workflow & {
  versions: WorkflowVersion[];
  executions: Pick<WorkflowExecution, "id" | "status" | "createdAt">[];
};

export function toSummaryView(workflow: WorkflowWithLatest): WorkflowSummaryView {
  const latest =
    workflow.versions.find((v) => v.versionId === workflow.latestVersionId) ??
    workflow.versions.at(-1);
  const last = workflow.executions[0];
  const definition = definitionOf(latest?.definition);
  return {
    id: workflow.id,
    upstreamId: workflow.upstreamId,
    slug: workflow.slug,
    name: workflow.name,
    description: workflow.description,
    categories: categoriesOf(workflow.categories),
    source: workflow.source,
    latestVersionId: workflow.latestVersionId,
    latestVersion: latest
      ? {
          versionId: latest.versionId,
          status: latest.status,
          locked: latest.locked,
          stepCount: definition ? allSteps(definition).length : 0,
        }
      : null,
    lastExecution: last
      ? { id: last.id, status: last.status, createdAt: last.createdAt.toISOString() }
      : null,
    createdAt: workflow.createdAt.toISOString(),
    updatedAt: workflow.updatedAt.toISOString(),
  };
}

export function toDetailView(
  workflow: WorkflowWithLatest,
  sync: { synced: boolean; syncError: string | null },
): WorkflowDetailView {
  const order = (id: string) => Number(/^v(\d+)$/.exec(id)?.[1] ?? Number.MAX_SAFE_INTEGER);
  const versions = [...workflow.versions].sort(
    (a, b) =>
      order(a.versionId) - order(b.versionId) || a.createdAt.getTime() - b.createdAt.getTime(),
  );
  return { ...toSummaryView(workflow), versions: versions.map(toVersionView), ...sync };
}

function errorOf(value: unknown): WorkflowExecutionSummaryView["error"] {
  if (!isRecord(value)) return null;
  return {
    code: typeof value.code === "string" ? value.code : "execution_failed",
    message: typeof value.message === "string" ? value.message : "The workflow failed.",
    ...(typeof value.cause === "string" ? { cause: value.cause } : {}),
  };
}

export function toExecutionSummary(execution: WorkflowExecution): WorkflowExecutionSummaryView {
  return {
    id: execution.id,
    workflowId: execution.workflowId,
    workflowName: execution.workflowName,
    versionId: execution.versionId,
    upstreamExecutionId: execution.upstreamExecutionId,
    bulkId: execution.bulkId,
    publicRef: execution.publicRef,
    status: execution.status as ExecutionStatus,
    inputs: isRecord(execution.inputs) ? execution.inputs : {},
    error: errorOf(execution.error),
    totalCost: execution.totalCost,
    createdAt: execution.createdAt.toISOString(),
    startedAt: execution.startedAt?.toISOString() ?? null,
    completedAt: execution.completedAt?.toISOString() ?? null,
  };
}

function toExecutionAsset(asset: Asset, stepId: string, position: number): ExecutionAssetView {
  const previews = (asset.previews ?? {}) as AssetPreviews;
  return {
    id: asset.id,
    stepId,
    position,
    kind: asset.kind as AssetKind,
    contentType: asset.contentType,
    url: `/api/assets/${asset.id}/file`,
    thumbUrl: previews.thumbs?.["256"] ? `/api/assets/${asset.id}/thumb?w=256` : null,
  };
}

export function toExecutionView(
  execution: WorkflowExecution,
  assets: { asset: Asset; stepId: string; position: number }[],
): WorkflowExecutionView {
  return {
    ...toExecutionSummary(execution),
    stepOutputs: isRecord(execution.stepOutputs) ? execution.stepOutputs : {},
    output: execution.output ?? null,
    definition: definitionOf(execution.definition),
    updatedAt: execution.updatedAt.toISOString(),
    outputsSaved: execution.outputsSavedAt !== null,
    assets: assets.map(({ asset, stepId, position }) => toExecutionAsset(asset, stepId, position)),
  };
}
