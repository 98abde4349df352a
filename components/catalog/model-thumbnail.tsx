"use client";

import { useState } from "react";
import { cn } from "@/lib/shared/cn";
import type { MediaKind } from "@/lib/shared/catalog-types";
import { KindIcon } from "./kind-icons";

// One gradient per kind, from the theme's tokens only, so the placeholders follow light and
// dark mode and a grid of them still tells image models from audio ones at a glance.
const PLACEHOLDERS: Record<MediaKind, string> = {
  image: "from-primary/25 via-accent to-card",
  video: "from-accent via-primary/20 to-muted",
  audio: "from-success/25 via-accent to-card",
  text: "from-warning/25 via-muted to-card",
};

/** A 16:9 example of what the model made, or a placeholder naming its kind. */
export function ModelThumbnail({ kind, url }: { kind: MediaKind; url?: string | null }) {
  // A video model's example may be the video itself rather than a poster: an <img> cannot show
  // that, so a failed load falls back to the placeholder instead of a broken-image icon.
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const showImage = Boolean(url) && failedUrl !== url;

  return (
    <div className="relative aspect-video overflow-hidden border-b border-border bg-muted">
      {showImage && url ? (
        // A plain lazy <img>: examples come from our own media route at arbitrary sizes, and
        // next/image would need a loader and sizes for each one for little gain in a grid.
        <img
          src={url}
          alt=""
          loading="lazy"
          decoding="async"
          onError={() => setFailedUrl(url)}
          className="size-full object-cover transition duration-300 group-hover:scale-[1.03]"
        />
      ) : (
        <div
          data-testid="thumbnail-placeholder"
          className={cn(
            "flex size-full items-center justify-center bg-linear-to-br",
            PLACEHOLDERS[kind],
          )}
        >
          <span className="rounded-full bg-card/70 p-3 text-accent-foreground shadow-sm">
            <KindIcon kind={kind} width={28} height={28} />
          </span>
        </div>
      )}
    </div>
  );
}
