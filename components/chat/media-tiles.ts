// The media of an assistant message as tiles. Only our stored copy is ever shown: each::sense
// URLs expire and may point somewhere the browser cannot reach (a simulator on the server's
// loopback), so a URL without its copy yet is a "Saving…" tile, not an <img>.
import type { AssetKind } from "@/lib/shared/media-kind";
import type { ChatMediaView, ChatMessageView } from "@/lib/shared/sense-types";

export type MediaTile =
  | { key: string; state: "saving" }
  | {
      key: string;
      state: "ready";
      kind: AssetKind;
      src: string;
      assetId: string;
      contentType: string;
    }
  /** The copy gave up: the upstream URL is all there is, and it expires. */
  | { key: string; state: "failed" }
  /** Saved once, then deleted from the gallery. */
  | { key: string; state: "removed" };

function tileOf(url: string, media: ChatMediaView | undefined): MediaTile {
  if (media?.asset)
    return {
      key: url,
      state: "ready",
      kind: media.asset.kind,
      src: media.asset.fileUrl,
      assetId: media.asset.id,
      contentType: media.asset.contentType,
    };
  if (media?.state === "failed") return { key: url, state: "failed" };
  if (media?.state === "saved") return { key: url, state: "removed" };
  return { key: url, state: "saving" };
}

/** One tile per URL handed out, in order; a media row the events do not name comes last. */
export function toMediaTiles(message: Pick<ChatMessageView, "generations" | "media">): MediaTile[] {
  const byUrl = new Map(message.media.map((media) => [media.url, media]));
  const urls = [
    ...message.generations,
    ...[...message.media]
      .sort((a, b) => a.position - b.position)
      .map((media) => media.url)
      .filter((url) => !message.generations.includes(url)),
  ];
  return urls.map((url) => tileOf(url, byUrl.get(url)));
}

/** True while a URL waits for its copy: the page polls the message until it has one. */
export function hasPendingMedia(message: Pick<ChatMessageView, "generations" | "media">): boolean {
  return toMediaTiles(message).some((tile) => tile.state === "saving");
}
