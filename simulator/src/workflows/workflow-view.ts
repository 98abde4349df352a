import type { Dialect } from "../options.js";
import { nicknameFor, type VersionRecord, type WorkflowRecord } from "./workflow-registry.js";

/** Where a dialect serves each::workflows: the reference's own host path, or the official `/v1` one. */
export function workflowsBase(publicUrl: string, dialect: Dialect): string {
  return dialect === "official" ? `${publicUrl}/v1` : `${publicUrl}/workflows/api/v1`;
}

export function publicVersionUrl(
  publicUrl: string,
  dialect: Dialect,
  workflow: WorkflowRecord,
  version: VersionRecord,
): string {
  return `${workflowsBase(publicUrl, dialect)}/public/@${nicknameFor(workflow.key)}/workflows/${workflow.slug}/versions/${encodeURIComponent(version.version_id)}`;
}

export function versionView(
  workflow: WorkflowRecord,
  version: VersionRecord,
  publicUrl: string,
  dialect: Dialect,
): Record<string, unknown> {
  return {
    version_id: version.version_id,
    slug: workflow.slug,
    published: version.published,
    locked: version.locked,
    production: version.production,
    allowed_to_share: version.allowed_to_share,
    trigger_count: version.trigger_count,
    status: version.status,
    visibility: version.allowed_to_share ? "unlisted" : "private",
    is_popular: false,
    updated_by: "api",
    created_at: version.created_at.toISOString(),
    updated_at: version.updated_at.toISOString(),
    ...(version.definition === null ? {} : { definition: version.definition }),
    ...(version.output_mapping === null ? {} : { output_mapping: version.output_mapping }),
    // Simulator extra: the link a shared version is reachable at without a key.
    ...(version.allowed_to_share && version.status !== "deleted"
      ? { public_url: publicVersionUrl(publicUrl, dialect, workflow, version) }
      : {}),
  };
}

export function workflowSummary(workflow: WorkflowRecord): Record<string, unknown> {
  return {
    workflow_id: workflow.workflow_id,
    slug: workflow.slug,
    name: workflow.name,
    description: workflow.description,
    categories: workflow.categories,
    tags: workflow.tags,
    status: "active",
    trigger_count: workflow.trigger_count,
    clone_count: 0,
    is_public: false,
    production: workflow.production,
    node_based: false,
    created_at: workflow.created_at.toISOString(),
    updated_at: workflow.updated_at.toISOString(),
  };
}

/** POST /workflows (201), GET/PUT /workflows/{id}: the workflow with every version. */
export function workflowView(
  workflow: WorkflowRecord,
  publicUrl: string,
  dialect: Dialect,
): Record<string, unknown> {
  return {
    ...workflowSummary(workflow),
    locked: workflow.locked,
    latest_version_id: workflow.latest_version_id,
    versions: workflow.versions.map((version) =>
      versionView(workflow, version, publicUrl, dialect),
    ),
  };
}

/** GET /public/@{nickname}/workflows/{slug}/versions/{versionID}. */
export function publicVersionView(
  workflow: WorkflowRecord,
  version: VersionRecord,
): Record<string, unknown> {
  return {
    workflow_id: workflow.workflow_id,
    version_id: version.version_id,
    slug: workflow.slug,
    name: workflow.name,
    description: workflow.description,
    ...(workflow.categories.length === 0 ? {} : { categories: workflow.categories }),
    ...(version.definition === null ? {} : { definition: version.definition }),
    status: version.status,
    created_at: version.created_at.toISOString(),
    updated_at: version.updated_at.toISOString(),
  };
}

const CATEGORY_DATE = "2025-12-01T10:00:00Z";

/** GET /categories: a fixed list (the platform's defaults as the simulator imagines them). */
export const CATEGORIES = [
  ["image-generation", "Image Generation", "Workflows for generating images"],
  ["image-editing", "Image Editing", "Workflows that edit, restyle or retouch images"],
  ["video-generation", "Video Generation", "Workflows for generating videos"],
  ["upscaling", "Upscaling", "Workflows that raise the resolution of images and videos"],
  ["audio-generation", "Audio Generation", "Workflows for speech, music and sound effects"],
  ["text-processing", "Text Processing", "Workflows for processing text"],
  ["general", "General", "Everything else"],
].map(([slug, label, description]) => ({
  slug,
  label,
  description,
  is_default: true,
  created_at: CATEGORY_DATE,
  updated_at: CATEGORY_DATE,
}));
