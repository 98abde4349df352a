"use client";

import type { ExecutionAssetView } from "@/lib/shared/workflow-api";
import { Spinner } from "../../ui/spinner";

/** One output file: our stored copy (never the platform's URL), or a placeholder until then. */
export function MediaPreview({
  asset,
  saving,
  label,
  onZoom,
}: {
  asset: ExecutionAssetView | null;
  saving: boolean;
  label: string;
  onZoom: (asset: ExecutionAssetView) => void;
}) {
  if (!asset)
    return (
      <div className="grid aspect-video w-full max-w-xs place-items-center rounded-lg border border-dashed border-border bg-muted/60 text-sm text-muted-foreground">
        {saving ? (
          <span className="flex items-center gap-2">
            <Spinner label="Saving the output" /> Saving…
          </span>
        ) : (
          <span className="px-3 text-center">This file could not be kept.</span>
        )}
      </div>
    );
  switch (asset.kind) {
    case "image":
      return (
        <button
          type="button"
          onClick={() => onZoom(asset)}
          aria-label={`Open ${label} full size`}
          className="block overflow-hidden rounded-lg border border-border bg-muted focus-visible:outline-2 focus-visible:outline-ring"
        >
          <img
            src={asset.thumbUrl ?? asset.url}
            alt={label}
            className="max-h-64 w-auto max-w-full object-contain"
          />
        </button>
      );
    case "video":
      return (
        <video
          src={asset.url}
          poster={asset.thumbUrl ?? undefined}
          controls
          playsInline
          preload="metadata"
          aria-label={label}
          className="max-h-72 w-full max-w-md rounded-lg border border-border bg-black"
        />
      );
    case "audio":
      return (
        <audio
          src={asset.url}
          controls
          preload="metadata"
          aria-label={label}
          className="w-full max-w-md"
        />
      );
    default:
      return (
        <a href={asset.url} download className="text-sm text-primary underline">
          Download {label} ({asset.contentType})
        </a>
      );
  }
}
