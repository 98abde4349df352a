import { apiFetch } from "@/lib/client/api";
import { conversationUrl } from "./chat-cache";
import { isLocalId, liveTurn } from "./live-turns";

/**
 * Stop: the server ends the upstream stream and keeps what arrived (its `done` comes down
 * this tab's stream, if it reads one), then the fetch is dropped in case the `done` never
 * makes it. A reply only polled (after a reload) is stopped by its id alone.
 */
export async function stopTurn(conversationId: string, messageId: string | null): Promise<void> {
  const turn = liveTurn(conversationId);
  const id = turn?.messageId ?? (messageId && !isLocalId(messageId) ? messageId : null);
  try {
    await apiFetch(`${conversationUrl(conversationId)}/stop`, {
      method: "POST",
      json: id ? { messageId: id } : {},
    });
  } finally {
    turn?.controller.abort();
  }
}
