import { parseSize } from "../media/large-file.js";

/**
 * Switches written into a prompt (or any string input), e.g. "a cat [[fail]]".
 * They let an end-to-end test drive one prediction into a failure path through
 * the app's own form, with no simulator configuration.
 */
export interface Markers {
  /** `[[fail]]` or `[[fail:Custom reason]]`: ends failed with realistic logs. */
  fail: string | null;
  /** `[[fail-once]]`: the first run of this exact input fails, the next ones succeed. */
  failOnce: boolean;
  /** `[[slow]]`: takes ten times longer. */
  slow: boolean;
  /** `[[hang]]`: stays processing until cancelled. */
  hang: boolean;
  /** `[[timeout]]`: runs, then fails with an execution timeout. */
  timeout: boolean;
  /** `[[size:200mb]]`: the (first) output file is padded to this many bytes. */
  sizeBytes: number | null;
  webhookFail: boolean;
  webhookDuplicate: boolean;
  webhookLate: boolean;
  webhookBadSignature: boolean;
}

const MARKER = /\[\[([a-z-]+)(?::([^\]]*))?\]\]/gi;

export function readMarkers(input: Record<string, unknown>): Markers {
  const markers: Markers = {
    fail: null,
    failOnce: false,
    slow: false,
    hang: false,
    timeout: false,
    sizeBytes: null,
    webhookFail: false,
    webhookDuplicate: false,
    webhookLate: false,
    webhookBadSignature: false,
  };
  for (const text of stringsIn(input)) {
    for (const match of text.matchAll(MARKER)) {
      const name = (match[1] ?? "").toLowerCase();
      const argument = match[2]?.trim();
      switch (name) {
        case "fail":
          markers.fail =
            argument !== undefined && argument !== "" ? argument : "model execution failed";
          break;
        case "fail-once":
          markers.failOnce = true;
          break;
        case "slow":
          markers.slow = true;
          break;
        case "hang":
          markers.hang = true;
          break;
        case "timeout":
          markers.timeout = true;
          break;
        case "size":
          markers.sizeBytes = parseSize(argument ?? "");
          break;
        case "webhook-fail":
          markers.webhookFail = true;
          break;
        case "webhook-duplicate":
          markers.webhookDuplicate = true;
          break;
        case "webhook-late":
          markers.webhookLate = true;
          break;
        case "webhook-bad-signature":
          markers.webhookBadSignature = true;
          break;
        default:
          break;
      }
    }
  }
  return markers;
}

/** The text with markers removed, for drawing into pictures. */
export function stripMarkers(text: string): string {
  return text
    .replace(MARKER, "")
    .replace(/\s{2,}/g, " ")
    .trim();
}

function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(stringsIn);
  return [];
}
