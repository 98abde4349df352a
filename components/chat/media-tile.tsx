"use client";
import Link from "next/link";
import { Spinner } from "../ui/spinner";
import type { MediaTile as Tile } from "./media-tiles";

const frame =
  "grid aspect-video w-full place-items-center rounded-lg border border-dashed border-border bg-muted/50 p-3 text-center text-sm text-muted-foreground";

/** One generated file: our stored copy once it exists, a placeholder until then. */
export function MediaTile({
  tile,
  alt,
  onZoom,
}: {
  tile: Tile;
  alt: string;
  onZoom: (src: string) => void;
}) {
  switch (tile.state) {
    case "saving":
      return (
        <div className={frame} data-testid="media-saving">
          <span className="flex items-center gap-2">
            <Spinner label="Saving" className="size-3.5" /> Saving…
          </span>
        </div>
      );
    case "failed":
      return <div className={frame}>This file could not be saved to your gallery.</div>;
    case "removed":
      return <div className={frame}>Deleted from your gallery.</div>;
    case "ready":
      if (tile.kind === "image")
        return (
          <button
            type="button"
            onClick={() => onZoom(tile.src)}
            aria-label="Open the image full size"
            className="group block w-full overflow-hidden rounded-lg border border-border bg-muted"
          >
            <img
              src={tile.src}
              alt={alt}
              className="mx-auto max-h-[28rem] w-full object-contain transition group-hover:opacity-95"
            />
          </button>
        );
      if (tile.kind === "video")
        return (
          <video
            src={tile.src}
            controls
            playsInline
            preload="metadata"
            aria-label="Generated video"
            className="w-full rounded-lg border border-border bg-black"
          />
        );
      if (tile.kind === "audio")
        return (
          <audio
            src={tile.src}
            controls
            preload="metadata"
            aria-label="Generated audio"
            className="w-full"
          />
        );
      return (
        <Link
          href={`/gallery/${tile.assetId}`}
          className="block truncate rounded-md border border-border px-3 py-2 text-sm text-primary hover:underline"
        >
          Open the file in your gallery
        </Link>
      );
  }
}
