import type { DurationsMs, MediaKind } from "../options.js";

/**
 * Nominal (unscaled) time in the queue and in processing. Work grows with what
 * was asked: more images, longer clips. A ±10% jitter keeps runs from finishing
 * in lockstep; `[[slow]]` makes one ten times longer.
 */
export function plannedTiming(
  kind: MediaKind,
  input: Record<string, unknown>,
  durations: DurationsMs,
  options: { slow: boolean; jitter: number },
): { queueMs: number; runMs: number } {
  let total = durations[kind];
  if (kind === "image") total *= 1 + 0.2 * (count(input.num_outputs ?? input.num_images, 1) - 1);
  if (kind === "video") total *= Math.min(3, Math.max(0.6, count(input.duration, 5) / 5));
  total *= 1 + (options.jitter - 0.5) * 0.2;
  if (options.slow) total *= 10;
  const queueMs = Math.max(150, total * 0.15);
  return { queueMs: Math.round(queueMs), runMs: Math.round(total - queueMs) };
}

function count(value: unknown, fallback: number): number {
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? number : fallback;
}
