import { cn } from "@/lib/shared/cn";

/** A quiet stand-in while an audio file has no peaks yet: short, even bars. */
const FLAT = Array.from({ length: 48 }, () => 0.08);

/**
 * An audio file's loudness peaks (0–1) as SVG bars, mirrored around the middle. Bars before
 * `progress` (0–1) take the primary colour, so it doubles as the playback position. Drawn in
 * a stretched viewBox: one unit per bar, whatever the tile's width.
 */
export function Waveform({
  peaks,
  progress = 0,
  className,
}: {
  peaks: readonly number[] | null;
  progress?: number;
  className?: string;
}) {
  const bars = peaks && peaks.length > 0 ? peaks : FLAT;
  const played = Math.round(progress * bars.length);
  return (
    <svg
      viewBox={`0 0 ${bars.length} 100`}
      preserveAspectRatio="none"
      aria-hidden="true"
      className={cn("block", className)}
    >
      {bars.map((peak, index) => {
        const height = Math.max(3, Math.min(1, Math.max(0, peak)) * 96);
        return (
          <rect
            key={index}
            x={index + 0.18}
            y={50 - height / 2}
            width={0.64}
            height={height}
            rx={0.3}
            className={index < played ? "fill-primary" : "fill-muted-foreground/45"}
          />
        );
      })}
    </svg>
  );
}
