"use client";
// A message this tab is not streaming itself (the page was reloaded mid-reply, or the stream
// broke) is polled until it ends; a message whose media are still being copied, until they
// have their copies. Each poll asks only for the events the page does not have yet.
import { useQueries, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { apiFetch, ApiError } from "@/lib/client/api";
import type { ChatMessageView } from "@/lib/shared/sense-types";
import { chatKeys, conversationUrl, readMessage, updateMessages } from "./chat-cache";
import { mergePolledMessage } from "./conversation-updates";
import { isLiveMessage, isLocalId } from "./live-turns";
import { hasPendingMedia } from "./media-tiles";

const FAST_MS = 1_500;
const SLOW_MS = 5_000;
/** After this many polls (about a minute) a slow copy is checked less often. */
const FAST_POLLS = 40;
/** Media copies give up after retries over a few minutes; polling stops well after that. */
const MAX_POLLS = 200;

export function needsPolling(message: ChatMessageView): boolean {
  if (message.role !== "assistant" || isLocalId(message.id)) return false;
  return (message.status === "streaming" && !isLiveMessage(message.id)) || hasPendingMedia(message);
}

async function pollMessage(
  queryClient: QueryClient,
  conversationId: string,
  messageId: string,
): Promise<string> {
  const after = readMessage(queryClient, conversationId, messageId)?.events.length ?? 0;
  const { message, eventsFrom } = await apiFetch<{
    message: ChatMessageView;
    eventsFrom: number;
  }>(`${conversationUrl(conversationId)}/messages/${encodeURIComponent(messageId)}?after=${after}`);
  updateMessages(queryClient, conversationId, (messages) =>
    messages.map((local) =>
      local.id === messageId
        ? mergePolledMessage(local, message, eventsFrom, isLiveMessage(messageId))
        : local,
    ),
  );
  return message.status;
}

export function useMessagePolling(conversationId: string, messages: readonly ChatMessageView[]) {
  const queryClient = useQueryClient();
  useQueries({
    queries: messages.filter(needsPolling).map((message) => ({
      queryKey: chatKeys.message(conversationId, message.id),
      queryFn: () => pollMessage(queryClient, conversationId, message.id),
      staleTime: 0,
      gcTime: 0,
      retry: 2,
      refetchInterval: (query: { state: { dataUpdateCount: number; error: unknown } }) => {
        const { dataUpdateCount, error } = query.state;
        // A deleted chat or message will not come back.
        if (error instanceof ApiError && error.status === 404) return false;
        if (dataUpdateCount >= MAX_POLLS) return false;
        return dataUpdateCount >= FAST_POLLS ? SLOW_MS : FAST_MS;
      },
    })),
  });
}
