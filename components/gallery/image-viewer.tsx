"use client";

import { useState } from "react";
import type { AssetView } from "@/lib/shared/asset-types";
import { cn } from "@/lib/shared/cn";
import { Lightbox } from "../runs/lightbox";
import { ExpandIcon } from "./gallery-icons";

type Zoom = "fit" | "actual";

/**
 * The full image on its page: fitted to the screen, or at 100% in a scrollable frame (to
 * check detail), and full screen in the Lightbox on a click or with the button.
 */
export function ImageViewer({ asset, alt }: { asset: AssetView; alt: string }) {
  const [zoom, setZoom] = useState<Zoom>("fit");
  const [fullScreen, setFullScreen] = useState(false);
  const size = asset.width && asset.height ? `${asset.width} × ${asset.height}` : null;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div
          role="group"
          aria-label="Zoom"
          className="inline-flex rounded-md border border-border bg-card p-0.5"
        >
          {(
            [
              ["fit", "Fit"],
              ["actual", "100%"],
            ] as const
          ).map(([value, label]) => (
            <button
              key={value}
              type="button"
              aria-pressed={zoom === value}
              onClick={() => setZoom(value)}
              className={cn(
                "h-7 rounded px-3 text-sm font-medium transition",
                zoom === value
                  ? "bg-primary text-primary-foreground"
                  : "text-muted-foreground hover:text-foreground",
              )}
            >
              {label}
            </button>
          ))}
        </div>
        <div className="flex items-center gap-3 text-sm text-muted-foreground">
          {size ? <span className="tabular-nums">{size}</span> : null}
          <button
            type="button"
            onClick={() => setFullScreen(true)}
            className="inline-flex h-8 items-center gap-1.5 rounded-md px-2 font-medium text-foreground hover:bg-muted"
          >
            <ExpandIcon width={16} height={16} /> Full screen
          </button>
        </div>
      </div>

      {zoom === "fit" ? (
        <button
          type="button"
          onClick={() => setFullScreen(true)}
          aria-label="View full screen"
          className="block w-full cursor-zoom-in overflow-hidden rounded-xl border border-border bg-muted"
        >
          <img
            src={asset.fileUrl}
            alt={alt}
            width={asset.width ?? undefined}
            height={asset.height ?? undefined}
            className="mx-auto h-auto max-h-[70vh] w-auto max-w-full object-contain"
          />
        </button>
      ) : (
        <div
          tabIndex={0}
          role="region"
          aria-label="Image at 100%, scrollable"
          className="max-h-[75vh] overflow-auto rounded-xl border border-border bg-muted"
        >
          <img
            src={asset.fileUrl}
            alt={alt}
            width={asset.width ?? undefined}
            height={asset.height ?? undefined}
            className="max-w-none"
          />
        </div>
      )}
      {fullScreen ? (
        <Lightbox src={asset.fileUrl} alt={alt} onClose={() => setFullScreen(false)} />
      ) : null}
    </div>
  );
}
