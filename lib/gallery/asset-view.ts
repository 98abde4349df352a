import "server-only";
import type { Asset } from "../generated/prisma/client";
import type { AssetPreviews, AssetView } from "../shared/asset-types";
import type { AssetKind } from "../shared/media-kind";

export function shareUrlFor(shareId: string): string {
  return `/s/${shareId}`;
}

/** What the browser may see of an asset: our own URLs only, never storage keys. */
export function toAssetView(asset: Asset): AssetView {
  const previews = (asset.previews ?? {}) as AssetPreviews;
  const base = `/api/assets/${asset.id}`;
  const hasSmall = Boolean(previews.thumbs?.["256"]);
  const hasLarge = Boolean(previews.thumbs?.["640"]);
  return {
    id: asset.id,
    kind: asset.kind as AssetKind,
    contentType: asset.contentType,
    byteSize: asset.byteSize,
    source: asset.source as AssetView["source"],
    modelSlug: asset.modelSlug,
    prompt: asset.prompt,
    title: asset.title,
    inputs: (asset.inputs ?? null) as Record<string, unknown> | null,
    cost: asset.cost,
    favorite: asset.favorite,
    createdAt: asset.createdAt.toISOString(),
    width: asset.width,
    height: asset.height,
    durationMs: asset.durationMs,
    runId: asset.runId,
    fileUrl: `${base}/file`,
    downloadUrl: `${base}/file?download=1`,
    thumbUrl: hasSmall ? `${base}/thumb?w=256` : null,
    previewUrl: hasLarge ? `${base}/thumb?w=640` : null,
    waveform: previews.waveform ?? null,
    share: asset.shareId
      ? { url: shareUrlFor(asset.shareId), hidePrompt: asset.shareHidePrompt }
      : null,
  };
}
