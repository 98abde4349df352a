import type { SimulatorContext } from "../context.js";
import { scaled } from "../runtime-config.js";
import type { StreamFaults } from "./event-sink.js";

/**
 * Stream switches written into the user's message, for one request:
 * `[[sense-drop]]` / `[[sense-drop:5]]` close the connection after 3 (5) events;
 * `[[sense-malformed]]` / `:N` sends a truncated chunk after 2 (N) events;
 * `[[sense-stall]]` / `[[sense-stall:MS]]` goes silent after 2 events, past the
 * 15-minute streaming idle timeout (scaled by the time factor) or for MS;
 * `[[sense-error]]` / `[[sense-error:TIMEOUT]]` ends with an `error` event after
 * 2 events; `[[sense-slow]]` / `[[sense-slow:N]]` paces events ten (N) times slower.
 */
export interface SenseMarkers {
  drop: number | null;
  malformed: number | null;
  stallMs: number | null;
  errorCode: string | null;
  /** How many times slower events are paced: 1 without `[[sense-slow]]`. */
  slowFactor: number;
}

const MARKER = /\[\[sense-(drop|malformed|stall|error|slow)(?::([^\]]*))?\]\]/gi;

export function readSenseMarkers(text: string, defaultStallMs: number): SenseMarkers {
  const markers: SenseMarkers = {
    drop: null,
    malformed: null,
    stallMs: null,
    errorCode: null,
    slowFactor: 1,
  };
  for (const match of text.matchAll(MARKER)) {
    const name = (match[1] ?? "").toLowerCase();
    const argument = match[2]?.trim() ?? "";
    const number = /^\d+$/.test(argument) ? Number(argument) : null;
    switch (name) {
      case "drop":
        markers.drop = number ?? 3;
        break;
      case "malformed":
        markers.malformed = number ?? 2;
        break;
      case "stall":
        markers.stallMs = number ?? defaultStallMs;
        break;
      case "error":
        markers.errorCode = /^[A-Za-z][A-Za-z0-9_]*$/.test(argument)
          ? argument.toUpperCase()
          : "INTERNAL_ERROR";
        break;
      case "slow":
        markers.slowFactor = number && number > 0 ? number : 10;
        break;
    }
  }
  return markers;
}

/** The faults of one stream: the message's markers, else the control switches. */
export function streamFaults(
  ctx: SimulatorContext,
  text: string,
): { faults: StreamFaults; slowFactor: number } {
  const settings = ctx.config.sense;
  const markers = readSenseMarkers(text, Math.max(1, scaled(ctx.config, 16 * 60_000)));
  const stallMs = markers.stallMs ?? settings.stallMs;
  const errorCode = markers.errorCode ?? settings.errorCode;
  return {
    faults: {
      dropAfter: markers.drop ?? settings.dropAfterEvents,
      malformedAfter: markers.malformed ?? settings.malformedAfterEvents,
      stallAfter:
        stallMs === null ? null : markers.stallMs !== null ? 2 : settings.stallAfterEvents,
      stallMs: stallMs ?? 0,
      errorAfter:
        errorCode === null ? null : markers.errorCode !== null ? 2 : settings.errorAfterEvents,
      errorCode: errorCode ?? "INTERNAL_ERROR",
    },
    slowFactor: markers.slowFactor,
  };
}
