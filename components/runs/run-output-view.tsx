"use client";

import { useState } from "react";
import { outputItems } from "@/lib/shared/run-output";
import type { RunView } from "@/lib/shared/run-types";
import { Lightbox } from "./lightbox";

export function RunOutputView({ run }: { run: RunView }) {
  const [zoomed, setZoomed] = useState<string | null>(null);
  // Only our stored copies are shown: upstream URLs expire and may not be reachable from
  // the browser (a simulator on the server's loopback).
  const media = run.assets.filter((asset) => asset.kind !== "text");
  const texts = outputItems(run.output).filter((item) => item.type !== "url");
  const images = media.filter((m) => m.kind === "image");
  const alt = `Output of ${run.modelSlug}${typeof run.input.prompt === "string" ? `: ${run.input.prompt.slice(0, 120)}` : ""}`;

  return (
    <div className="space-y-3" data-testid="run-output">
      {images.length > 0 ? (
        <div className={images.length > 1 ? "grid grid-cols-2 gap-2" : ""}>
          {images.map((image, index) => (
            <button
              key={image.url}
              type="button"
              onClick={() => setZoomed(image.url)}
              className="group block overflow-hidden rounded-lg border border-border bg-muted"
              aria-label={`Open image ${index + 1} full size`}
            >
              <img
                src={image.url}
                alt={alt}
                className="mx-auto max-h-[32rem] w-full object-contain transition group-hover:opacity-95"
              />
            </button>
          ))}
        </div>
      ) : null}
      {media
        .filter((m) => m.kind === "video")
        .map((video) => (
          <video
            key={video.url}
            src={video.url}
            controls
            playsInline
            preload="metadata"
            className="w-full rounded-lg border border-border bg-black"
            aria-label="Generated video"
          />
        ))}
      {media
        .filter((m) => m.kind === "audio")
        .map((audio) => (
          <audio
            key={audio.url}
            src={audio.url}
            controls
            preload="metadata"
            className="w-full"
            aria-label="Generated audio"
          />
        ))}
      {media
        .filter((m) => m.kind === "file")
        .map((file) => (
          <a
            key={file.url}
            href={file.url}
            className="block truncate rounded-md border border-border px-3 py-2 text-sm text-primary hover:underline"
          >
            Download output file
          </a>
        ))}
      {texts.map((item, index) => (
        <pre
          key={index}
          className="max-h-96 overflow-auto rounded-lg border border-border bg-muted p-3 font-mono text-sm whitespace-pre-wrap"
        >
          {item.type === "text"
            ? item.text
            : JSON.stringify(item.type === "json" ? item.value : null, null, 2)}
        </pre>
      ))}
      {zoomed ? <Lightbox src={zoomed} alt={alt} onClose={() => setZoomed(null)} /> : null}
    </div>
  );
}
