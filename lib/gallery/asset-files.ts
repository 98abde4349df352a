import "server-only";
import { db } from "../db";
import type { AssetPreviews } from "../shared/asset-types";

export type FileVariant = "original" | "256" | "640";

type Stored = { storageKey: string; contentType: string; previews: unknown };

/** The stored key and type of an asset's file or one of its preview pictures. */
export function variantOf(
  asset: Stored,
  variant: FileVariant,
): { key: string; contentType: string } | null {
  if (variant === "original") return { key: asset.storageKey, contentType: asset.contentType };
  const key = (asset.previews as AssetPreviews | null)?.thumbs?.[variant];
  return key ? { key, contentType: "image/webp" } : null;
}

export function parseVariant(value: string | null): FileVariant {
  return value === "256" || value === "640" ? value : "640";
}

const fileFields = {
  id: true,
  storageKey: true,
  contentType: true,
  previews: true,
  modelSlug: true,
  prompt: true,
  title: true,
} as const;

/** A person's own asset, for serving its bytes (owner inside the query). */
export function ownedAssetFile(userId: string, id: string) {
  return db().asset.findFirst({ where: { id, userId, deletedAt: null }, select: fileFields });
}

/** A shared asset by its public id: only while shared and not deleted. */
export function sharedAssetFile(shareId: string) {
  return db().asset.findFirst({ where: { shareId, deletedAt: null }, select: fileFields });
}
