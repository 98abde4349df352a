import { createHash, randomUUID } from "node:crypto";
import type { WorkflowDefinition } from "./types.js";

export type VersionStatus = "active" | "archived" | "deleted";
export const VERSION_STATUSES: readonly VersionStatus[] = ["active", "archived", "deleted"];

export interface VersionRecord {
  version_id: string;
  /** null for a version created without a definition (official create allows it). */
  definition: WorkflowDefinition | null;
  status: VersionStatus;
  locked: boolean;
  allowed_to_share: boolean;
  published: boolean;
  production: boolean;
  output_mapping: Record<string, string> | null;
  trigger_count: number;
  created_at: Date;
  updated_at: Date;
  /** each::sense: the message it was built from. */
  source: string;
}

export interface WorkflowRecord {
  workflow_id: string;
  /** The API key that owns it; other keys get 404. */
  key: string;
  slug: string;
  name: string;
  description: string;
  categories: string[];
  tags: string[];
  locked: boolean;
  production: boolean;
  trigger_count: number;
  latest_version_id: string;
  versions: VersionRecord[];
  created_at: Date;
  updated_at: Date;
}

export interface NewWorkflow {
  name: string;
  description?: string;
  categories?: string[];
  tags?: string[];
  definition: WorkflowDefinition | null;
  versionId?: string;
  source?: string;
}

export interface VersionPatch {
  definition?: WorkflowDefinition;
  status?: VersionStatus;
  locked?: boolean;
  allowed_to_share?: boolean;
  published?: boolean;
  production?: boolean;
  output_mapping?: Record<string, string> | null;
  source?: string;
}

/**
 * The public nickname of an account, for `/public/@{nickname}/...` URLs: `sim-`
 * and the first 10 hex digits of SHA-256("eachlabs-sim-nickname:" + API key).
 * Deterministic (the same key always has the same nickname, across restarts)
 * and it does not reveal the key.
 */
export function nicknameFor(key: string): string {
  return `sim-${createHash("sha256").update(`eachlabs-sim-nickname:${key}`).digest("hex").slice(0, 10)}`;
}

/** "Text to Image Generator" → "text-to-image-generator". */
export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return slug === "" ? "workflow" : slug;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Workflows and their versions, in memory, per API key. each::workflows' routes
 * and each::sense's builder share it (sense-bridge.ts adapts it to sense's store).
 */
export class WorkflowRegistry {
  private readonly workflows = new Map<string, WorkflowRecord>();

  /** A new workflow with its first version; `null` when the key already has a workflow with that slug. */
  create(
    key: string,
    fields: NewWorkflow,
    options: { uniqueSlug?: boolean } = {},
  ): WorkflowRecord | null {
    let slug = slugify(fields.name);
    if (this.bySlug(key, slug) !== undefined) {
      if (options.uniqueSlug !== true) return null;
      let suffix = 2;
      while (this.bySlug(key, `${slug}-${suffix}`) !== undefined) suffix += 1;
      slug = `${slug}-${suffix}`;
    }
    const now = new Date();
    const versionId = fields.versionId ?? definitionVersion(fields.definition) ?? "v1";
    const workflow: WorkflowRecord = {
      workflow_id: randomUUID(),
      key,
      slug,
      name: fields.name,
      description: fields.description ?? "",
      categories: fields.categories ?? ["general"],
      tags: fields.tags ?? [],
      locked: false,
      production: false,
      trigger_count: 0,
      latest_version_id: versionId,
      versions: [newVersion(versionId, fields.definition, fields.source ?? "", now)],
      created_at: now,
      updated_at: now,
    };
    this.workflows.set(workflow.workflow_id, workflow);
    return workflow;
  }

  /** By UUID or slug, only the key's own. */
  get(key: string, idOrSlug: string): WorkflowRecord | undefined {
    const byId = this.workflows.get(idOrSlug);
    if (byId !== undefined) return byId.key === key ? byId : undefined;
    return UUID.test(idOrSlug) ? undefined : this.bySlug(key, idOrSlug);
  }

  /** Newest first. */
  list(key: string): WorkflowRecord[] {
    return [...this.workflows.values()].filter((workflow) => workflow.key === key).reverse();
  }

  version(workflow: WorkflowRecord, versionId: string | null): VersionRecord | undefined {
    const wanted = versionId ?? workflow.latest_version_id;
    return workflow.versions.find((version) => version.version_id === wanted);
  }

  /** Creates the version or patches it, and makes it the latest (as the platform does). */
  putVersion(
    workflow: WorkflowRecord,
    versionId: string,
    patch: VersionPatch,
  ): { version: VersionRecord; created: boolean } {
    const now = new Date();
    let version = this.version(workflow, versionId);
    const created = version === undefined;
    if (version === undefined) {
      version = newVersion(versionId, patch.definition ?? null, patch.source ?? "", now);
      workflow.versions.push(version);
    }
    if (patch.definition !== undefined) version.definition = patch.definition;
    if (patch.status !== undefined) version.status = patch.status;
    if (patch.locked !== undefined) version.locked = patch.locked;
    if (patch.allowed_to_share !== undefined) version.allowed_to_share = patch.allowed_to_share;
    if (patch.published !== undefined) version.published = patch.published;
    if (patch.production !== undefined) version.production = patch.production;
    if (patch.output_mapping !== undefined)
      version.output_mapping =
        patch.output_mapping === null || Object.keys(patch.output_mapping).length === 0
          ? null
          : patch.output_mapping;
    if (patch.source !== undefined) version.source = patch.source;
    version.updated_at = now;
    workflow.latest_version_id = version.version_id;
    workflow.updated_at = now;
    return { version, created };
  }

  /** "v1", "v2"... the next free `v<n>`. */
  nextVersionId(workflow: WorkflowRecord): string {
    const numbers = workflow.versions
      .map((version) => /^v(\d+)$/.exec(version.version_id)?.[1])
      .filter((number): number is string => number !== undefined)
      .map(Number);
    return `v${Math.max(0, ...numbers) + 1}`;
  }

  /** A shared (allowed_to_share), not deleted version, by the owner's nickname and the workflow slug. */
  findPublic(
    nickname: string,
    slug: string,
    versionId: string,
  ): { workflow: WorkflowRecord; version: VersionRecord } | undefined {
    for (const workflow of this.workflows.values()) {
      if (workflow.slug !== slug || nicknameFor(workflow.key) !== nickname) continue;
      const version = this.version(workflow, versionId);
      if (version === undefined || !version.allowed_to_share || version.status === "deleted")
        return undefined;
      return { workflow, version };
    }
    return undefined;
  }

  clear(): void {
    this.workflows.clear();
  }

  private bySlug(key: string, slug: string): WorkflowRecord | undefined {
    for (const workflow of this.workflows.values())
      if (workflow.key === key && workflow.slug === slug) return workflow;
    return undefined;
  }
}

function definitionVersion(definition: WorkflowDefinition | null): string | undefined {
  const version = definition?.version;
  return typeof version === "string" && /^[\w.-]{1,40}$/.test(version) ? version : undefined;
}

function newVersion(
  versionId: string,
  definition: WorkflowDefinition | null,
  source: string,
  now: Date,
): VersionRecord {
  return {
    version_id: versionId,
    definition,
    status: "active",
    locked: false,
    allowed_to_share: false,
    published: false,
    production: false,
    output_mapping: null,
    trigger_count: 0,
    created_at: now,
    updated_at: now,
    source,
  };
}
