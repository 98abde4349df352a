"use client";

import { useState } from "react";
import type { AssetView } from "@/lib/shared/asset-types";
import { Waveform } from "./waveform";

/** An audio file on its page: the big waveform following the player's position. */
export function AudioViewer({ asset, label }: { asset: AssetView; label: string }) {
  const [progress, setProgress] = useState(0);
  return (
    <div className="space-y-4 rounded-xl border border-border bg-linear-to-br from-success/10 via-card to-card p-4 sm:p-6">
      <Waveform peaks={asset.waveform} progress={progress} className="h-28 w-full sm:h-36" />
      <audio
        src={asset.fileUrl}
        controls
        preload="metadata"
        aria-label={label}
        className="w-full"
        onTimeUpdate={(event) => {
          const { currentTime, duration } = event.currentTarget;
          if (duration > 0) setProgress(currentTime / duration);
        }}
      />
    </div>
  );
}
