import "server-only";
import { db } from "../db";
import { concurrencyLimit, type ConcurrencyLimit } from "../shared/concurrency-limit";
import { Prisma } from "../generated/prisma/client";
import { makePreviews } from "../media/make-previews";
import type { AssetKind } from "../shared/media-kind";
import { mediaStore } from "../storage";

const WITH_PREVIEWS: AssetKind[] = ["image", "video", "audio"];

// Previews are CPU work (sharp, ffmpeg) that would crowd out requests on a small machine when
// a burst of runs finishes together: one at a time per process, the rest wait their turn.
// On globalThis: Next.js may load this module once per route bundle.
const globalForPreviews = globalThis as typeof globalThis & { __previewLimit?: ConcurrencyLimit };
const previewLimit = (globalForPreviews.__previewLimit ??= concurrencyLimit(1));

/** Makes an asset's thumbnails (or poster, or waveform) once; never throws. */
export function ensurePreviews(assetId: string): Promise<void> {
  return previewLimit.run(() => makePreviewsOnce(assetId));
}

async function makePreviewsOnce(assetId: string): Promise<void> {
  const asset = await db().asset.findUnique({
    where: { id: assetId },
    select: { storageKey: true, contentType: true, kind: true, previews: true },
  });
  if (!asset || asset.previews !== null || !WITH_PREVIEWS.includes(asset.kind as AssetKind)) return;
  const made = await makePreviews(mediaStore(), {
    key: asset.storageKey,
    contentType: asset.contentType,
    kind: asset.kind as AssetKind,
  });
  await db().asset.updateMany({
    where: { id: assetId, previews: { equals: Prisma.DbNull } },
    data: {
      previews: made.previews as Prisma.InputJsonValue,
      width: made.width ?? null,
      height: made.height ?? null,
      durationMs: made.durationMs ?? null,
    },
  });
}

/** Assets saved before previews existed, or whose previews failed to be made: a few per call. */
export async function backfillPreviews(limit = 5): Promise<void> {
  const missing = await db().asset.findMany({
    where: { previews: { equals: Prisma.DbNull }, deletedAt: null, kind: { in: WITH_PREVIEWS } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true },
  });
  for (const asset of missing) await ensurePreviews(asset.id);
}
