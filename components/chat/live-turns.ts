// The replies this tab is reading right now, by conversation. Module state on purpose: a
// stream belongs to the tab, not to a component, so it survives moving between chats.

export type LiveTurn = {
  conversationId: string;
  controller: AbortController;
  /** The assistant message's id, once the server named it. */
  messageId: string | null;
};

const turns = new Map<string, LiveTurn>();

export function registerTurn(turn: LiveTurn): void {
  turns.set(turn.conversationId, turn);
}

export function unregisterTurn(turn: LiveTurn): void {
  if (turns.get(turn.conversationId) === turn) turns.delete(turn.conversationId);
}

export function liveTurn(conversationId: string): LiveTurn | undefined {
  return turns.get(conversationId);
}

/** Is this message's stream read by this tab? Then it needs no polling for its events. */
export function isLiveMessage(messageId: string): boolean {
  for (const turn of turns.values()) if (turn.messageId === messageId) return true;
  return false;
}

/** Ids the page makes up for a message until the server names it. */
export const isLocalId = (id: string) => id.startsWith("local-");
