import "server-only";
import { createParser } from "eventsource-parser";
import type { StreamEnd } from "../shared/sense-reducer";
import type { ChatEndReason } from "../shared/sense-types";
import { SENSE_MAX_CHUNK_CHARS } from "./config";

export type ReadSseOptions = {
  /** Silence longer than this ends the stream as `stalled`. */
  idleMs: number;
  /** The turn's controller: aborted with a ChatEndReason (stopped, client_gone, stalled). */
  controller: AbortController;
  /** Called with each message's `data`, synchronously, as soon as it is complete. */
  onData: (data: string) => void;
};

const END_REASONS = new Set<string>(["stopped", "client_gone", "stalled", "broken", "dropped"]);

function abortReason(signal: AbortSignal): ChatEndReason {
  const reason: unknown = signal.reason;
  return typeof reason === "string" && END_REASONS.has(reason)
    ? (reason as ChatEndReason)
    : "stopped";
}

/**
 * Reads an upstream SSE body message by message until `[DONE]`, the end of the body, an
 * abort, or `idleMs` without a byte. Never throws: the way it ended is the result.
 */
export async function readUpstreamSse(
  body: ReadableStream<Uint8Array>,
  { idleMs, controller, onData }: ReadSseOptions,
): Promise<StreamEnd> {
  const signal = controller.signal;
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const pending: string[] = [];
  let overflow = false;
  const parser = createParser({
    onEvent: (message) => pending.push(message.data),
    onError: (error) => {
      if (error.type === "max-buffer-size-exceeded") overflow = true;
      else console.warn("each::sense stream: skipped a line we could not parse:", error.message);
    },
    maxBufferSize: SENSE_MAX_CHUNK_CHARS,
  });

  let idleTimer: NodeJS.Timeout | undefined;
  const armIdle = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => controller.abort("stalled"), idleMs);
  };
  // Some bodies do not error promptly on abort; this settles the wait at once either way.
  const aborted = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(new Error("aborted"));
    signal.addEventListener("abort", () => reject(new Error("aborted")), { once: true });
  });
  aborted.catch(() => undefined);

  const end = async (): Promise<StreamEnd> => {
    armIdle();
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) return { kind: "dropped" };
      if (value.byteLength === 0) continue;
      armIdle();
      parser.feed(decoder.decode(value, { stream: true }));
      if (overflow) return { kind: "broken" };
      while (pending.length > 0) {
        const data = pending.shift() ?? "";
        if (data.trim() === "[DONE]") return { kind: "done" };
        onData(data);
        if (signal.aborted) return { kind: abortReason(signal), idleMs };
      }
    }
  };

  try {
    return await end();
  } catch (error) {
    if (signal.aborted) return { kind: abortReason(signal), idleMs };
    // A socket closed mid-body surfaces as an error ("terminated"), not as a clean end.
    console.warn("each::sense stream closed early:", (error as Error).message);
    return { kind: "dropped" };
  } finally {
    clearTimeout(idleTimer);
    reader.cancel().catch(() => undefined);
  }
}
