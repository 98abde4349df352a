import "server-only";
import type { ChatStreamMessage } from "../shared/sense-types";
import type { ChatTurn } from "./chat-turn";
import { SENSE_KEEPALIVE_MS } from "./config";

/** Headers that keep every hop (Next, nginx, CDNs) from buffering or compressing the stream. */
export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
  Connection: "keep-alive",
} as const;

export function sseLine(message: ChatStreamMessage): string {
  return `data: ${JSON.stringify(message)}\n\n`;
}

/**
 * The browser's side of a chat turn: each message is enqueued the moment the relay has it
 * (one `data:` line each, nothing batched), a keep-alive comment goes out while upstream is
 * quiet, and the browser going away aborts the turn.
 */
export function chatTurnResponse(turn: ChatTurn): Response {
  const encoder = new TextEncoder();
  let keepAlive: NodeJS.Timeout | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          // The browser is gone; the relay goes on persisting until the abort reaches it.
        }
      };
      keepAlive = setInterval(() => write(": keep-alive\n\n"), SENSE_KEEPALIVE_MS);
      void turn
        .run((message) => write(sseLine(message)))
        .catch((error: unknown) => console.error("chat: relay failed", turn.messageId, error))
        .finally(() => {
          clearInterval(keepAlive);
          try {
            controller.close();
          } catch {
            // Already closed by a cancel.
          }
        });
    },
    cancel() {
      clearInterval(keepAlive);
      turn.abort("client_gone");
    },
  });
  return new Response(stream, { headers: SSE_HEADERS });
}
