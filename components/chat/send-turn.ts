// One message to each::sense and its streamed reply, written into the query cache event by
// event through the shared reducer, so the page shows what the server persists.
import type { QueryClient } from "@tanstack/react-query";
import { isErrorBody } from "@/lib/shared/errors";
import { initialMessageState, reduceEvent } from "@/lib/shared/sense-reducer";
import type { SendMessageInput } from "@/lib/shared/sense-schemas";
import type {
  ChatMessageError,
  ChatMessageView,
  ChatRole,
  ChatSettings,
} from "@/lib/shared/sense-types";
import { chatKeys, conversationUrl, refreshConversations, updateMessages } from "./chat-cache";
import { upsertMessages } from "./conversation-updates";
import { registerTurn, unregisterTurn, type LiveTurn } from "./live-turns";
import { readChatStream } from "./stream-message";

export type TurnRequest = ChatSettings & { content: string; imageUrls: string[] };

export type TurnHooks = {
  /** The server stored the message and each::sense is answering. */
  onAccepted?: () => void;
  /** Refused before any reply (the message may still be stored, as failed). */
  onRefused?: (error: ChatMessageError) => void;
};

let counter = 0;

function blank(id: string, role: ChatRole, settings: ChatSettings): ChatMessageView {
  const now = new Date().toISOString();
  return {
    id,
    role,
    content: "",
    status: "complete",
    events: [],
    attachments: [],
    error: null,
    generations: [],
    media: [],
    settings,
    createdAt: now,
    updatedAt: now,
  };
}

function refusalOf(body: unknown, status: number): ChatMessageError {
  if (isErrorBody(body)) {
    const { code, message, retryAfter } = body.error;
    return { code, message, ...(typeof retryAfter === "number" ? { retryAfter } : {}) };
  }
  return { code: "internal:unknown", message: `The server answered ${status}. Please try again.` };
}

function idsOf(body: unknown): { userMessageId: string; messageId: string } | null {
  const ids = body as { userMessageId?: unknown; messageId?: unknown } | null;
  return typeof ids?.userMessageId === "string" && typeof ids.messageId === "string"
    ? { userMessageId: ids.userMessageId, messageId: ids.messageId }
    : null;
}

const isEventStream = (response: Response) =>
  (response.headers.get("content-type") ?? "").includes("text/event-stream");

/**
 * Sends `request` and reads the reply into the cache. Returns at once; the reply goes on in
 * the background (stop-turn.ts stops it). A stream that ends without `done` leaves
 * the message `streaming`, and the poller then asks the server how it ended.
 */
export function startTurn(
  queryClient: QueryClient,
  conversationId: string,
  request: TurnRequest,
  hooks: TurnHooks = {},
): void {
  const { content, imageUrls, ...settings } = request;
  const local = `local-${Date.now().toString(36)}-${counter++}`;
  let user: ChatMessageView = {
    ...blank(`${local}-user`, "user", settings),
    content,
    attachments: imageUrls,
  };
  let assistant: ChatMessageView = {
    ...blank(`${local}-assistant`, "assistant", settings),
    status: "streaming",
  };
  let state = initialMessageState();
  const turn: LiveTurn = { conversationId, controller: new AbortController(), messageId: null };

  const write = () =>
    updateMessages(queryClient, conversationId, (messages) =>
      upsertMessages(messages, [
        { message: user, replaces: `${local}-user` },
        { message: assistant, replaces: `${local}-assistant` },
      ]),
    );
  const patch = (change: Partial<ChatMessageView>) => {
    assistant = { ...assistant, ...change, updatedAt: new Date().toISOString() };
  };
  const name = (ids: { userMessageId: string; messageId: string }) => {
    user = { ...user, id: ids.userMessageId };
    assistant = { ...assistant, id: ids.messageId };
    turn.messageId = ids.messageId;
  };
  const end = () => {
    // Unregistered before the last write, so the render it causes may start polling.
    unregisterTurn(turn);
    write();
    refreshConversations(queryClient);
  };
  const refuse = (error: ChatMessageError, ids: ReturnType<typeof idsOf> = null) => {
    if (ids) name(ids);
    patch({ status: "failed", error });
    end();
    hooks.onRefused?.(error);
  };

  registerTurn(turn);
  write();

  void (async () => {
    let response: Response;
    try {
      response = await fetch(`${conversationUrl(conversationId)}/messages`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
        body: JSON.stringify({ content, imageUrls, ...settings } satisfies SendMessageInput),
        signal: turn.controller.signal,
      });
    } catch {
      if (turn.controller.signal.aborted) {
        patch({ status: "stopped" });
        end();
        // Stopped before the server named the messages: fetch the ones it stored.
        return void queryClient.invalidateQueries({
          queryKey: chatKeys.conversation(conversationId),
        });
      }
      return refuse({
        code: "network:offline",
        message: "Could not reach the playground's server. Check your connection, then retry.",
      });
    }
    if (!response.ok || !response.body || !isEventStream(response)) {
      const body: unknown = await response.json().catch(() => null);
      return refuse(refusalOf(body, response.status), idsOf(body));
    }

    let finished = false;
    try {
      await readChatStream(response.body, (message) => {
        if (message.type === "message") {
          name(message);
          hooks.onAccepted?.();
          refreshConversations(queryClient);
        } else if (message.type === "event") {
          // A repeat of an event already applied changes nothing.
          if (message.seq < state.events.length) return;
          state = reduceEvent(state, message.event);
          patch({ content: state.content, events: state.events, generations: state.generations });
        } else {
          finished = true;
          patch({ status: message.status, error: message.error ?? state.error });
        }
        write();
      });
    } catch {
      // The connection broke, or Stop aborted it: the server knows how the message ended.
    }
    if (!finished && turn.messageId === null) {
      const stopped = turn.controller.signal.aborted;
      patch({
        status: stopped ? "stopped" : "failed",
        error: stopped
          ? null
          : {
              code: "interrupted:dropped",
              message: "The connection closed before each::sense answered. Try again.",
            },
      });
    }
    end();
  })();
}
