"use client";

import { useRef, useState } from "react";
import type { AssetView } from "@/lib/shared/asset-types";
import { cn } from "@/lib/shared/cn";
import { BusySpinner } from "./busy-spinner";
import { formatDuration } from "./format";
import { PauseIcon, PlayIcon } from "./gallery-icons";
import { Waveform } from "./waveform";

type PlayState = "idle" | "loading" | "playing" | "paused" | "failed";

/** Only one tile plays at a time: starting one pauses the others. */
function pauseOthers(current: HTMLAudioElement) {
  for (const element of document.querySelectorAll<HTMLAudioElement>("audio[data-tile-audio]")) {
    if (element !== current) element.pause();
  }
}

/** An audio tile: its waveform (which fills as it plays), length, caption and a play button
 *  that plays the file right in the grid. The button sits above the tile's link. */
export function AudioTile({
  asset,
  caption,
  selecting,
}: {
  asset: AssetView;
  caption: string;
  /** Leaves room for the selection checkbox in the corner. */
  selecting: boolean;
}) {
  const audio = useRef<HTMLAudioElement>(null);
  const [state, setState] = useState<PlayState>("idle");
  const [progress, setProgress] = useState(0);
  const playing = state === "playing" || state === "loading";

  function toggle() {
    const element = audio.current;
    if (!element) return;
    if (playing) {
      element.pause();
      return;
    }
    setState("loading");
    element.play().catch(() => setState("failed"));
  }

  return (
    <div className="flex size-full flex-col justify-between gap-2 rounded-lg border border-input bg-linear-to-br from-success/15 via-card to-card p-3">
      <div
        className={cn(
          "flex items-center justify-between gap-2 text-xs text-muted-foreground",
          selecting && "pl-7",
        )}
      >
        <span className="font-medium tracking-wide uppercase">Audio</span>
        {asset.durationMs ? (
          <span className="tabular-nums">{formatDuration(asset.durationMs)}</span>
        ) : null}
      </div>
      <Waveform peaks={asset.waveform} progress={progress} className="h-1/3 min-h-8 w-full" />
      <div className="flex min-w-0 items-center gap-2">
        <button
          type="button"
          onClick={toggle}
          aria-label={playing ? "Pause" : "Play"}
          title={state === "failed" ? "This file could not be played" : undefined}
          className="relative z-30 grid size-9 shrink-0 place-items-center rounded-full bg-primary text-primary-foreground shadow-sm hover:opacity-90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
        >
          {state === "loading" ? (
            <BusySpinner />
          ) : playing ? (
            <PauseIcon width={16} height={16} />
          ) : (
            <PlayIcon width={16} height={16} />
          )}
        </button>
        <p
          className={cn(
            "line-clamp-2 min-w-0 text-xs leading-snug",
            state === "failed" && "text-destructive",
          )}
        >
          {state === "failed" ? "Could not play this file." : caption}
        </p>
      </div>
      <audio
        ref={audio}
        src={asset.fileUrl}
        preload="none"
        data-tile-audio=""
        onPlay={(event) => pauseOthers(event.currentTarget)}
        onPlaying={() => setState("playing")}
        onPause={() => setState((current) => (current === "failed" ? current : "paused"))}
        onEnded={() => {
          setState("idle");
          setProgress(0);
        }}
        onTimeUpdate={(event) => {
          const { currentTime, duration } = event.currentTarget;
          if (duration > 0) setProgress(currentTime / duration);
        }}
        onError={() => setState("failed")}
      />
    </div>
  );
}
