// The words that name an asset on screen and to screen readers, in one place so the tile,
// its checkbox and the asset page agree.
import type { AssetView } from "@/lib/shared/asset-types";
import type { AssetKind } from "@/lib/shared/media-kind";

export const KIND_LABELS: Record<AssetKind, string> = {
  image: "Image",
  video: "Video",
  audio: "Audio",
  text: "Text",
  file: "File",
};

export const SOURCE_LABELS: Record<AssetView["source"], string> = {
  run: "Run",
  chat: "Chat",
  workflow: "Workflow",
};

/** The title if it has one, else its prompt, else what it is and what made it. */
export function assetCaption(asset: Pick<AssetView, "title" | "prompt" | "kind" | "modelSlug">) {
  const text = asset.title?.trim() || asset.prompt?.trim();
  if (text) return text;
  const kind = KIND_LABELS[asset.kind].toLowerCase();
  return asset.modelSlug ? `Untitled ${kind} from ${asset.modelSlug}` : `Untitled ${kind}`;
}

/** "Image: a lighthouse at dusk" — tiles' link names. Long prompts are cut at a word. */
export function assetName(asset: Pick<AssetView, "title" | "prompt" | "kind" | "modelSlug">) {
  const caption = assetCaption(asset);
  const short = caption.length > 140 ? `${caption.slice(0, 140).replace(/\s+\S*$/, "")}…` : caption;
  return `${KIND_LABELS[asset.kind]}: ${short}`;
}

/** Width / height for the layout: the real one for pictures, a fixed card shape otherwise. */
export function assetAspect(asset: Pick<AssetView, "kind" | "width" | "height">): number {
  if ((asset.kind === "image" || asset.kind === "video") && asset.width && asset.height) {
    return asset.width / asset.height;
  }
  if (asset.kind === "video") return 16 / 9;
  if (asset.kind === "audio") return 2;
  if (asset.kind === "text") return 1.25;
  return 1;
}
