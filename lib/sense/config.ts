import "server-only";
import { env } from "../env";

/**
 * How long the relay waits for the next byte of an each::sense stream before it gives up and
 * marks the message interrupted. The reference's streaming idle timeout is 15 minutes, far
 * too long for a person watching a chat; each::sense sends progress while a model runs, so a
 * minute of silence means the stream is stuck. SENSE_IDLE_TIMEOUT_MS overrides it (whole
 * milliseconds, 1,000 to 900,000); the relay also takes it per call (tests use short ones).
 * The sweeper uses the same value to tell a stream whose server died from a live one.
 */

/** Until upstream answers with headers (the reference's connection timeout). */
export const SENSE_CONNECT_TIMEOUT_MS = 30_000;

/** Writes of a streaming message are batched: at most one per this interval. */
export const SENSE_FLUSH_MS = 150;

/**
 * While a stream is open its row is touched (and the stop flag read) at least this often,
 * so a stop from another app instance takes effect within about this long.
 */
export const SENSE_HEARTBEAT_MS = 2_000;

/** Keep-alive comments to the browser while upstream is quiet (proxies drop idle streams). */
export const SENSE_KEEPALIVE_MS = 15_000;

/** A chunk (one SSE message) larger than this ends the stream as broken. */
export const SENSE_MAX_CHUNK_CHARS = 8 * 1024 * 1024;

export function senseIdleTimeoutMs(): number {
  return env().senseIdleTimeoutMs;
}
