// Pure updates of a conversation's message list, used on the React Query cache by the live
// stream, the poller and the actions, so each of them can only add or replace whole messages.
import type { ChatMessageView, ConversationView } from "@/lib/shared/sense-types";

export type MessageUpsert = {
  message: ChatMessageView;
  /** A provisional id this message replaces (the page's own, before the server named it). */
  replaces?: string | undefined;
};

/** Replaces each message by its id (or the id it replaces); appends the ones not there yet. */
export function upsertMessages(
  messages: readonly ChatMessageView[],
  upserts: readonly MessageUpsert[],
): ChatMessageView[] {
  const next = [...messages];
  for (const { message, replaces } of upserts) {
    const matches = (item: ChatMessageView) => item.id === message.id || item.id === replaces;
    const at = next.findIndex(matches);
    if (at === -1) {
      next.push(message);
      continue;
    }
    next[at] = message;
    // A hydrated copy of the server's list may hold both ids for a moment.
    for (let index = next.length - 1; index > at; index--) {
      const item = next[index];
      if (item && matches(item)) next.splice(index, 1);
    }
  }
  return next;
}

/**
 * A polled message (`GET …/messages/:id?after=N`, whose events start at N) merged into the
 * page's copy. While this page reads the live stream itself, only the media are taken: the
 * stream is ahead of what the server has persisted.
 */
export function mergePolledMessage(
  local: ChatMessageView,
  polled: ChatMessageView,
  eventsFrom: number,
  live: boolean,
): ChatMessageView {
  if (live) return { ...local, media: polled.media };
  return { ...polled, events: [...local.events.slice(0, eventsFrom), ...polled.events] };
}

export function withMessages(
  conversation: ConversationView,
  update: (messages: ChatMessageView[]) => ChatMessageView[],
): ConversationView {
  return { ...conversation, messages: update(conversation.messages) };
}

/** Is anything of this conversation still being answered? Then Send becomes Stop. */
export function streamingMessage(messages: readonly ChatMessageView[]): ChatMessageView | null {
  return messages.findLast((message) => message.status === "streaming") ?? null;
}
