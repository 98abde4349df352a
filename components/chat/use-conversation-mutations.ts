"use client";
// Rename and delete a chat, each with its own pending and failed state, reflected in the
// list and in the chat's own cache entry at once.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import type { ChatMessageView, ConversationSummary } from "@/lib/shared/sense-types";
import { chatKeys, conversationUrl, updateMessages, updateSummary } from "./chat-cache";
import { upsertMessages } from "./conversation-updates";
import { liveTurn } from "./live-turns";

export function useRenameConversation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (title: string) =>
      (
        await apiFetch<{ conversation: ConversationSummary }>(conversationUrl(id), {
          method: "PATCH",
          json: { title },
        })
      ).conversation,
    onSuccess: (summary) => updateSummary(queryClient, summary),
  });
}

export function useDeleteConversation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<null>(conversationUrl(id), { method: "DELETE" }),
    onSuccess: () => {
      // The server stops the reply too; reading it any longer is pointless.
      liveTurn(id)?.controller.abort();
      queryClient.setQueryData<ConversationSummary[]>(chatKeys.conversations, (list) =>
        list?.filter((item) => item.id !== id),
      );
      queryClient.removeQueries({ queryKey: chatKeys.conversation(id) });
    },
  });
}

/** each::sense forgets the chat; the server's note about it joins the messages. */
export function useClearMemory(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      (
        await apiFetch<{ message: ChatMessageView }>(`${conversationUrl(id)}/clear-memory`, {
          method: "POST",
        })
      ).message,
    onSuccess: (note) =>
      updateMessages(queryClient, id, (messages) => upsertMessages(messages, [{ message: note }])),
  });
}
