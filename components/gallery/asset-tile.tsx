"use client";

import Link from "next/link";
import type { CSSProperties } from "react";
import type { AssetView } from "@/lib/shared/asset-types";
import { cn } from "@/lib/shared/cn";
import { assetCaption, assetName } from "./asset-label";
import { AudioTile } from "./audio-tile";
import { FavouriteButton } from "./favourite-button";
import { CheckIcon } from "./gallery-icons";
import { TextTile } from "./text-tile";
import { TilePicture } from "./tile-picture";

export type TileSelection = {
  selected: boolean;
  /** `range` when shift was held: select everything since the last click. */
  onToggle: (range: boolean) => void;
};

/**
 * One gallery item. Its link to the asset page covers the whole tile (so the tile is one
 * big target named "Image: <prompt>"), with the star and an audio tile's play button above
 * it. In selection mode a checkbox covers the tile instead and the link steps out of the
 * tab order.
 */
export function AssetTile({
  asset,
  style,
  width,
  selection,
}: {
  asset: AssetView;
  style: CSSProperties;
  width: number | null;
  selection: TileSelection | null;
}) {
  const caption = assetCaption(asset);
  const pictured = asset.kind === "image" || asset.kind === "video";
  return (
    <div
      role="listitem"
      style={style}
      className="group relative shrink-0 overflow-hidden rounded-lg bg-muted"
    >
      {pictured ? (
        <TilePicture asset={asset} width={width} />
      ) : asset.kind === "audio" ? (
        <AudioTile asset={asset} caption={caption} selecting={Boolean(selection)} />
      ) : (
        <TextTile asset={asset} caption={caption} selecting={Boolean(selection)} />
      )}

      <Link
        href={`/gallery/${asset.id}`}
        prefetch={false}
        aria-label={assetName(asset)}
        tabIndex={selection ? -1 : undefined}
        className="absolute inset-0 z-10 rounded-lg focus-visible:outline-3 focus-visible:-outline-offset-3 focus-visible:outline-ring"
      />

      {pictured ? (
        <div
          aria-hidden="true"
          className="pointer-events-none absolute inset-x-0 bottom-0 z-20 bg-linear-to-t from-black/80 via-black/45 to-transparent px-2.5 pt-8 pb-2 text-white opacity-0 transition group-focus-within:opacity-100 group-hover:opacity-100"
        >
          {asset.modelSlug ? (
            <p className="truncate font-mono text-[11px] text-white/75">{asset.modelSlug}</p>
          ) : null}
          <p
            className={cn(
              "line-clamp-2 text-xs leading-snug",
              asset.kind === "video" && Boolean(asset.durationMs) && "pr-10",
            )}
          >
            {caption}
          </p>
        </div>
      ) : null}

      {selection ? null : (
        <div
          className={cn(
            "absolute top-1.5 right-1.5 z-30 transition",
            asset.favorite
              ? "opacity-100"
              : "opacity-0 group-focus-within:opacity-100 group-hover:opacity-100 pointer-coarse:opacity-100",
          )}
        >
          <FavouriteButton id={asset.id} favorite={asset.favorite} />
        </div>
      )}

      {selection ? (
        <>
          <input
            type="checkbox"
            checked={selection.selected}
            // The click decides (it knows about shift); change only follows it.
            onChange={() => {}}
            onClick={(event) => selection.onToggle(event.shiftKey)}
            aria-label={`Select ${caption}`}
            className="peer absolute inset-0 z-40 size-full cursor-pointer opacity-0"
          />
          <span
            aria-hidden="true"
            className={cn(
              "pointer-events-none absolute top-2 left-2 z-40 grid size-6 place-items-center rounded-md border-2 shadow-sm transition",
              "peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-ring",
              selection.selected
                ? "border-primary bg-primary text-primary-foreground"
                : "border-white bg-black/30 text-transparent",
            )}
          >
            <CheckIcon width={16} height={16} />
          </span>
          {selection.selected ? (
            <span
              aria-hidden="true"
              className="pointer-events-none absolute inset-0 z-30 rounded-lg bg-primary/15 ring-4 ring-primary ring-inset"
            />
          ) : null}
        </>
      ) : null}
    </div>
  );
}
