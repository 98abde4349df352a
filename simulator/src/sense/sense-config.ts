import fs from "node:fs";
import path from "node:path";
import { isPlainObject } from "../http/read-body.js";

/**
 * each::sense switches: start-up flags (`--sense-*`), `POST /__simulator/config
 * {"sense": {...}}` at run time, and the defaults below. Stream faults set here hit
 * every sense stream until cleared (set the field to null) or reset; the prompt
 * markers (`[[sense-drop]]`...) hit one request.
 */
export interface SenseSettings {
  /** A recorded `.sse` file every streaming chat request replays verbatim (null: the agent runs). */
  replayFile: string | null;
  /** Multiplies the pause before every event (on top of the time factor); 10 = ten times slower. */
  paceFactor: number;
  /** Idle time after which a session goes inactive and forgets a pending question or plan (null: 15 min). */
  idleTimeoutMs: number | null;
  /** Time without activity after which a session is deleted (null: 30 days). */
  ttlMs: number | null;
  /** Close the connection after this many events. */
  dropAfterEvents: number | null;
  /** Send one truncated chunk after this many events, then go on. */
  malformedAfterEvents: number | null;
  /** Send nothing for this long (after `stallAfterEvents` events), then go on. */
  stallMs: number | null;
  stallAfterEvents: number;
  /** End the stream with an `error` event of this code (after `errorAfterEvents` events). */
  errorCode: string | null;
  errorAfterEvents: number;
}

export type SenseOptions = Partial<SenseSettings>;

// Real time, not scaled: a person answering a clarification in the playground
// should not lose it because the simulator runs 20× faster. Tests set them.
export const DEFAULT_IDLE_TIMEOUT_MS = 15 * 60_000;
export const DEFAULT_TTL_MS = 30 * 24 * 3_600_000;

export const DEFAULT_SENSE_SETTINGS: SenseSettings = {
  replayFile: null,
  paceFactor: 1,
  idleTimeoutMs: null,
  ttlMs: null,
  dropAfterEvents: null,
  malformedAfterEvents: null,
  stallMs: null,
  stallAfterEvents: 2,
  errorCode: null,
  errorAfterEvents: 2,
};

export function resolveSenseSettings(options: SenseOptions = {}): SenseSettings {
  return { ...DEFAULT_SENSE_SETTINGS, ...options };
}

export function idleTimeoutMs(settings: SenseSettings): number {
  return settings.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
}

export function ttlMs(settings: SenseSettings): number {
  return settings.ttlMs ?? DEFAULT_TTL_MS;
}

/** A replay file given relative: from the cwd when it exists there, else from the simulator folder. */
export function resolveReplayFile(raw: string, simulatorDir: string): string | null {
  const candidates = path.isAbsolute(raw)
    ? [raw]
    : [path.resolve(raw), path.resolve(simulatorDir, raw)];
  return candidates.find((candidate) => fs.existsSync(candidate)) ?? null;
}

type Field = keyof SenseSettings;
type Check = (value: unknown) => string | { value: unknown };

const count =
  (nullable: boolean): Check =>
  (value) => {
    if (value === null && nullable) return { value: null };
    return typeof value === "number" && Number.isInteger(value) && value >= 0
      ? { value }
      : `must be a non-negative integer${nullable ? " or null" : ""}`;
  };

const millis: Check = (value) => {
  if (value === null) return { value: null };
  return typeof value === "number" &&
    Number.isFinite(value) &&
    value >= 0 &&
    value <= 31_536_000_000
    ? { value }
    : "must be a number of milliseconds or null";
};

const ERROR_CODE = /^[A-Z][A-Z0-9_]{1,40}$/;

/** Accepted in camelCase; the snake_case spellings (`drop_after_events`) are aliases. */
const CHECKS: Record<Field, (simulatorDir: string) => Check> = {
  replayFile: (simulatorDir) => (value) => {
    if (value === null) return { value: null };
    if (typeof value !== "string" || value === "") return "must be a file path or null";
    const found = resolveReplayFile(value, simulatorDir);
    return found === null ? `file not found: ${value}` : { value: found };
  },
  paceFactor: () => (value) =>
    typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 1000
      ? { value }
      : "must be a number from 0 to 1000",
  idleTimeoutMs: () => millis,
  ttlMs: () => millis,
  dropAfterEvents: () => count(true),
  malformedAfterEvents: () => count(true),
  stallMs: () => millis,
  stallAfterEvents: () => count(false),
  errorCode: () => (value) => {
    if (value === null) return { value: null };
    return typeof value === "string" && ERROR_CODE.test(value)
      ? { value }
      : 'must be an upper-case code such as "TIMEOUT", or null';
  },
  errorAfterEvents: () => count(false),
};

const ALIASES: Record<string, Field> = {
  replay: "replayFile",
  replay_file: "replayFile",
  pace_factor: "paceFactor",
  idle_timeout_ms: "idleTimeoutMs",
  ttl_ms: "ttlMs",
  drop_after_events: "dropAfterEvents",
  malformed_after_events: "malformedAfterEvents",
  stall_ms: "stallMs",
  stall_after_events: "stallAfterEvents",
  error_code: "errorCode",
  error_after_events: "errorAfterEvents",
};

/**
 * Checks a `{"sense": {...}}` control patch; returns a problem, or the changes to
 * apply (so a bad patch changes nothing).
 */
export function parseSensePatch(
  patch: unknown,
  simulatorDir: string,
): string | Partial<SenseSettings> {
  if (!isPlainObject(patch)) return 'must be an object like {"dropAfterEvents": 3}';
  const changes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(patch)) {
    const field = (name in CHECKS ? name : ALIASES[name]) as Field | undefined;
    if (field === undefined)
      return `has unknown field "${name}" (known: ${Object.keys(CHECKS).join(", ")})`;
    const checked = CHECKS[field](simulatorDir)(value);
    if (typeof checked === "string") return `${name} ${checked}`;
    changes[field] = checked.value;
  }
  return changes as Partial<SenseSettings>;
}
