// Where the chat's server state lives in the browser: React Query's cache, one entry for the
// list and one per conversation. The live stream, the poller and the actions all write here,
// so a reply keeps streaming into the cache while the person looks at another chat.
import type { QueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import type {
  ChatMessageView,
  ConversationSummary,
  ConversationView,
} from "@/lib/shared/sense-types";
import { withMessages } from "./conversation-updates";

export const chatKeys = {
  conversations: ["chat", "conversations"] as const,
  conversation: (id: string) => ["chat", "conversation", id] as const,
  message: (conversationId: string, messageId: string) =>
    ["chat", "message", conversationId, messageId] as const,
};

export const conversationUrl = (id: string) => `/api/chat/conversations/${encodeURIComponent(id)}`;

export async function fetchConversations(): Promise<ConversationSummary[]> {
  const { conversations } = await apiFetch<{ conversations: ConversationSummary[] }>(
    "/api/chat/conversations",
  );
  return conversations;
}

export async function fetchConversation(id: string): Promise<ConversationView> {
  const { conversation } = await apiFetch<{ conversation: ConversationView }>(conversationUrl(id));
  return conversation;
}

export function updateMessages(
  queryClient: QueryClient,
  conversationId: string,
  update: (messages: ChatMessageView[]) => ChatMessageView[],
): void {
  queryClient.setQueryData<ConversationView>(chatKeys.conversation(conversationId), (current) =>
    current ? withMessages(current, update) : current,
  );
}

export function readMessage(
  queryClient: QueryClient,
  conversationId: string,
  messageId: string,
): ChatMessageView | undefined {
  return queryClient
    .getQueryData<ConversationView>(chatKeys.conversation(conversationId))
    ?.messages.find((message) => message.id === messageId);
}

/** A rename (or new settings) everywhere the conversation is shown. */
export function updateSummary(queryClient: QueryClient, summary: ConversationSummary): void {
  queryClient.setQueryData<ConversationSummary[]>(chatKeys.conversations, (list) =>
    list?.map((item) => (item.id === summary.id ? summary : item)),
  );
  queryClient.setQueryData<ConversationView>(chatKeys.conversation(summary.id), (current) =>
    current ? { ...current, ...summary } : current,
  );
}

export function refreshConversations(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: chatKeys.conversations });
}
