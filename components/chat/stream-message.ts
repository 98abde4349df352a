// Reads one `data:` of our relay's stream as a ChatStreamMessage. The relay is ours, but a
// proxy can mangle a body and an older server can send a shape this page does not know:
// anything unreadable is skipped rather than thrown, so one odd line never ends a reply.
import { parseSenseEvent, type SenseEvent } from "@/lib/shared/sense-events";
import type { ChatEndReason, ChatFinalStatus, ChatStreamMessage } from "@/lib/shared/sense-types";
import { createSseParser } from "./sse-parser";

const FINAL: readonly string[] = ["complete", "interrupted", "failed", "stopped"];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Events arrive already parsed by the server; an `unknown` one stays as it is. */
export function readEvent(value: unknown): SenseEvent {
  if (isRecord(value) && value.type === "unknown") return value as SenseEvent;
  return parseSenseEvent(value);
}

export function parseStreamMessage(data: string): ChatStreamMessage | null {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isRecord(json)) return null;
  switch (json.type) {
    case "message": {
      const { conversationId, userMessageId, messageId } = json;
      if (
        typeof conversationId !== "string" ||
        typeof userMessageId !== "string" ||
        typeof messageId !== "string"
      )
        return null;
      return { type: "message", conversationId, userMessageId, messageId };
    }
    case "event":
      if (typeof json.seq !== "number") return null;
      return { type: "event", seq: json.seq, event: readEvent(json.event) };
    case "done": {
      if (typeof json.status !== "string" || !FINAL.includes(json.status)) return null;
      const error = isRecord(json.error) ? json.error : null;
      return {
        type: "done",
        status: json.status as ChatFinalStatus,
        ...(typeof json.reason === "string" ? { reason: json.reason as ChatEndReason } : {}),
        ...(error && typeof error.code === "string" && typeof error.message === "string"
          ? {
              error: {
                code: error.code,
                message: error.message,
                ...(typeof error.retryAfter === "number" ? { retryAfter: error.retryAfter } : {}),
              },
            }
          : {}),
      };
    }
    default:
      return null;
  }
}

/**
 * Reads a relay response body to its end, calling `onMessage` for each message as soon as
 * its blank line arrives. Rejects when the connection breaks (or the fetch is aborted).
 */
export async function readChatStream(
  body: ReadableStream<Uint8Array>,
  onMessage: (message: ChatStreamMessage) => void,
): Promise<void> {
  const parser = createSseParser((data) => {
    const message = parseStreamMessage(data);
    if (message) onMessage(message);
  });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.push(decoder.decode(value, { stream: true }));
    }
    parser.push(decoder.decode());
    parser.end();
  } finally {
    reader.releaseLock();
  }
}
