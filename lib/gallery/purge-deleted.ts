import "server-only";
import { db } from "../db";
import type { AssetPreviews } from "../shared/asset-types";
import { mediaStore } from "../storage";

/** How long a deleted item can be brought back (the page offers Undo for less). */
export const UNDO_WINDOW_MS = 30_000;

function keysOf(asset: { storageKey: string; previews: unknown }): string[] {
  const previews = (asset.previews ?? {}) as AssetPreviews;
  return [
    asset.storageKey,
    ...Object.values(previews.thumbs ?? {}),
    ...(previews.poster ? [previews.poster] : []),
  ].filter((key): key is string => typeof key === "string");
}

/**
 * Removes items deleted longer ago than the undo window, and then their files and previews,
 * unless another item still uses the same file (files are content-addressed, so two
 * people's identical outputs share one).
 */
export async function purgeDeletedAssets(now = Date.now()): Promise<number> {
  const doomed = await db().asset.findMany({
    where: { deletedAt: { lt: new Date(now - UNDO_WINDOW_MS) } },
    select: { id: true, storageKey: true, previews: true },
    take: 200,
  });
  if (doomed.length === 0) return 0;
  await db().asset.deleteMany({
    where: { id: { in: doomed.map((asset) => asset.id) }, deletedAt: { not: null } },
  });
  // Previews are made from the file, so an asset sharing the file shares its previews too.
  const shared = await db().asset.findMany({
    where: { storageKey: { in: doomed.map((asset) => asset.storageKey) } },
    select: { storageKey: true },
  });
  const stillUsed = new Set(shared.map((asset) => asset.storageKey));
  const keys = new Set(doomed.filter((asset) => !stillUsed.has(asset.storageKey)).flatMap(keysOf));
  for (const key of keys) await mediaStore().delete(key);
  return doomed.length;
}
