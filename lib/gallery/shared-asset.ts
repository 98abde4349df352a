import "server-only";
import { db } from "../db";
import type { AssetPreviews } from "../shared/asset-types";
import type { AssetKind } from "../shared/media-kind";

export type SharedAsset = {
  shareId: string;
  kind: AssetKind;
  contentType: string;
  modelSlug: string | null;
  title: string | null;
  /** Null when the owner chose to hide it. */
  prompt: string | null;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  hasPreview: boolean;
  createdAt: Date;
};

/** What a public share page may show, by share id; null when not (or no longer) shared. */
export async function findSharedAsset(shareId: string): Promise<SharedAsset | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(shareId)) return null;
  const asset = await db().asset.findFirst({ where: { shareId, deletedAt: null } });
  if (!asset || !asset.shareId) return null;
  const previews = (asset.previews ?? {}) as AssetPreviews;
  return {
    shareId: asset.shareId,
    kind: asset.kind as AssetKind,
    contentType: asset.contentType,
    modelSlug: asset.modelSlug,
    title: asset.title,
    prompt: asset.shareHidePrompt ? null : asset.prompt,
    width: asset.width,
    height: asset.height,
    durationMs: asset.durationMs,
    hasPreview: Boolean(previews.thumbs?.["640"]),
    createdAt: asset.createdAt,
  };
}
