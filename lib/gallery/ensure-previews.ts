import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { makePreviews } from "../media/make-previews";
import type { AssetKind } from "../shared/media-kind";
import { mediaStore } from "../storage";

const WITH_PREVIEWS: AssetKind[] = ["image", "video", "audio"];

/** Makes an asset's thumbnails (or poster, or waveform) once; never throws. */
export async function ensurePreviews(assetId: string): Promise<void> {
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
