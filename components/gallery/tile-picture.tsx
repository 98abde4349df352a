"use client";

import { useState } from "react";
import type { AssetView } from "@/lib/shared/asset-types";
import { KindIcon } from "../catalog/kind-icons";
import { formatDuration } from "./format";
import { PlayIcon } from "./gallery-icons";

/**
 * An image's thumbnail or a video's poster, never the full file: the 256 px WebP, or the
 * 640 px one where the tile is wide enough to need it. Without a preview (still being
 * made, or a broken file) it shows what kind of thing it is instead.
 */
export function TilePicture({ asset, width }: { asset: AssetView; width: number | null }) {
  const [failed, setFailed] = useState(false);
  const show = asset.thumbUrl && !failed;
  const kind = asset.kind === "video" ? "video" : "image";
  return (
    <div className="relative size-full bg-muted">
      {show ? (
        <img
          src={asset.thumbUrl!}
          srcSet={asset.previewUrl ? `${asset.thumbUrl} 256w, ${asset.previewUrl} 640w` : undefined}
          sizes={width ? `${Math.ceil(width)}px` : "(max-width: 640px) 50vw, 300px"}
          alt=""
          loading="lazy"
          decoding="async"
          onError={() => setFailed(true)}
          className="size-full object-cover transition duration-300 group-hover:scale-[1.03]"
        />
      ) : (
        <div className="flex size-full flex-col items-center justify-center gap-1 bg-linear-to-br from-primary/20 via-accent to-card text-accent-foreground">
          <KindIcon kind={kind} width={28} height={28} />
          <span className="text-xs">{failed ? "No preview" : "Preview on its way"}</span>
        </div>
      )}
      {asset.kind === "video" ? (
        <>
          <span
            aria-hidden="true"
            className="absolute top-1/2 left-1/2 grid size-11 -translate-x-1/2 -translate-y-1/2 place-items-center rounded-full bg-black/50 text-white backdrop-blur-sm transition group-hover:bg-black/70"
          >
            <PlayIcon width={20} height={20} />
          </span>
          {asset.durationMs ? (
            <span className="absolute right-1.5 bottom-1.5 z-20 rounded bg-black/65 px-1.5 py-0.5 text-xs font-medium text-white tabular-nums">
              <span className="sr-only">Duration </span>
              {formatDuration(asset.durationMs)}
            </span>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
