import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../db";
import { AppError } from "../shared/errors";
import { shareUrlFor } from "./asset-view";

// Every change names the owner in its WHERE clause: someone else's id changes nothing and
// answers "not found", exactly like an id that does not exist.

function notFound(): never {
  throw new AppError("not_found:asset", "This item is not in your gallery.");
}

export async function updateAsset(
  userId: string,
  id: string,
  change: { favorite?: boolean | undefined; title?: string | null | undefined },
) {
  const { count } = await db().asset.updateMany({
    where: { id, userId, deletedAt: null },
    data: {
      ...(change.favorite === undefined ? {} : { favorite: change.favorite }),
      ...(change.title === undefined ? {} : { title: change.title?.trim() || null }),
    },
  });
  if (count === 0) notFound();
}

/** Hidden at once; the files go when the undo window has passed (see purge-deleted.ts). */
export async function deleteAssets(userId: string, ids: string[]): Promise<number> {
  const { count } = await db().asset.updateMany({
    where: { id: { in: ids }, userId, deletedAt: null },
    data: { deletedAt: new Date(), shareId: null, sharedAt: null },
  });
  return count;
}

export async function restoreAssets(userId: string, ids: string[]): Promise<number> {
  const { count } = await db().asset.updateMany({
    where: { id: { in: ids }, userId, deletedAt: { not: null } },
    data: { deletedAt: null },
  });
  return count;
}

/** 144 random bits: unguessable, and URL-safe in 24 characters. */
export function newShareId(): string {
  return randomBytes(18).toString("base64url");
}

/** Shares (or re-shares with a new id, so an old link stays dead) and returns the public URL. */
export async function shareAsset(
  userId: string,
  id: string,
  options: { hidePrompt: boolean; keepExisting?: boolean },
): Promise<string> {
  if (options.keepExisting) {
    const current = await db().asset.findFirst({
      where: { id, userId, deletedAt: null },
      select: { shareId: true },
    });
    if (!current) notFound();
    if (current.shareId) {
      await db().asset.updateMany({
        where: { id, userId },
        data: { shareHidePrompt: options.hidePrompt },
      });
      return shareUrlFor(current.shareId);
    }
  }
  const shareId = newShareId();
  const { count } = await db().asset.updateMany({
    where: { id, userId, deletedAt: null },
    data: { shareId, shareHidePrompt: options.hidePrompt, sharedAt: new Date() },
  });
  if (count === 0) notFound();
  return shareUrlFor(shareId);
}

export async function unshareAssets(userId: string, ids: string[]): Promise<number> {
  const { count } = await db().asset.updateMany({
    where: { id: { in: ids }, userId },
    data: { shareId: null, sharedAt: null },
  });
  return count;
}
