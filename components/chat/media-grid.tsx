"use client";
import { useState } from "react";
import { cn } from "@/lib/shared/cn";
import { Lightbox } from "../runs/lightbox";
import type { MediaTile as Tile } from "./media-tiles";
import { MediaTile } from "./media-tile";

/** The media of one reply, shown the moment each URL arrives (as "Saving…" until copied). */
export function MediaGrid({ tiles, alt }: { tiles: Tile[]; alt: string }) {
  const [zoomed, setZoomed] = useState<string | null>(null);
  if (tiles.length === 0) return null;
  return (
    <div
      className={cn("grid gap-2", tiles.length > 1 ? "sm:grid-cols-2" : "max-w-xl")}
      aria-live="polite"
    >
      {tiles.map((tile) => (
        <MediaTile key={tile.key} tile={tile} alt={alt} onZoom={setZoomed} />
      ))}
      {zoomed ? <Lightbox src={zoomed} alt={alt} onClose={() => setZoomed(null)} /> : null}
    </div>
  );
}
