import "server-only";

/**
 * The input's duration from ffmpeg's stderr (`Duration: 00:01:02.50, start: …`), in whole
 * milliseconds; undefined when ffmpeg could not tell (`Duration: N/A`, e.g. from a pipe).
 * Our ffmpeg build has no ffprobe, so this line is the way to read it.
 */
export function parseDurationMs(stderr: string): number | undefined {
  const match = /Duration:\s*(\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(stderr);
  if (!match) return undefined;
  const [, hours, minutes, seconds] = match;
  const total = (Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds)) * 1000;
  return Number.isFinite(total) ? Math.round(total) : undefined;
}
