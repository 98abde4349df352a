import "server-only";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { UpstreamVersion, UpstreamWorkflow } from "./upstream-schemas";

/** Writes one version as upstream reported it into our copy. */
export async function syncVersion(workflowId: string, version: UpstreamVersion): Promise<void> {
  const data = {
    status: version.status,
    locked: version.locked,
    allowedToShare: version.allowedToShare,
    publicUrl: version.publicUrl,
    ...(version.definition ? { definition: version.definition as Prisma.InputJsonValue } : {}),
  };
  await db().workflowVersion.upsert({
    where: { workflowId_versionId: { workflowId, versionId: version.versionId } },
    create: { workflowId, versionId: version.versionId, ...data },
    update: data,
  });
}

/**
 * Records (or refreshes) a person's workflow from what upstream reports: its slug, latest
 * version and every version. Name, description and categories are the person's own: they
 * are written when given (creating, renaming), else taken from upstream only for a new row.
 * Returns our id.
 */
export async function syncWorkflow(
  userId: string,
  upstream: UpstreamWorkflow,
  own: {
    name?: string;
    description?: string;
    categories?: string[];
    source?: string;
    senseSessionId?: string | null;
  } = {},
): Promise<string> {
  const latest = upstream.latestVersionId ?? upstream.versions.at(-1)?.versionId ?? null;
  const metadata = {
    ...(own.name !== undefined ? { name: own.name } : {}),
    ...(own.description !== undefined ? { description: own.description } : {}),
    ...(own.categories !== undefined ? { categories: own.categories } : {}),
    ...(own.senseSessionId ? { senseSessionId: own.senseSessionId } : {}),
  };
  const row = await db().workflow.upsert({
    where: { userId_upstreamId: { userId, upstreamId: upstream.upstreamId } },
    create: {
      userId,
      upstreamId: upstream.upstreamId,
      slug: upstream.slug || upstream.upstreamId,
      name: upstream.name || upstream.slug || "Untitled workflow",
      description: upstream.description ?? "",
      categories: upstream.categories,
      latestVersionId: latest,
      source: own.source ?? "api",
      ...metadata,
    },
    update: {
      ...(upstream.slug ? { slug: upstream.slug } : {}),
      ...(latest ? { latestVersionId: latest } : {}),
      ...metadata,
    },
    select: { id: true },
  });
  for (const version of upstream.versions) await syncVersion(row.id, version);
  return row.id;
}
