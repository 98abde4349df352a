"use client";
import { useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import type { ConversationView } from "@/lib/shared/sense-types";
import { chatKeys, fetchConversation, fetchConversations } from "./chat-cache";
import { Composer } from "./composer";
import { ComposerDock } from "./composer-dock";
import { ConversationMenu } from "./conversation-menu";
import { chatTitle } from "./conversation-item";
import { streamingMessage } from "./conversation-updates";
import { MessageList } from "./message-list";
import { useChatTurns } from "./use-chat-turns";
import { useComposerForm } from "./use-composer-form";
import { useFollowBottom } from "./use-follow-bottom";
import { useMessagePolling } from "./use-message-polling";

/** An open chat: its messages as they stream, and the composer for the next one. */
export function ConversationPane({ initial }: { initial: ConversationView }) {
  const id = initial.id;
  // The cache wins over the server's copy: a reply this tab streams is ahead of it.
  const { data: conversation } = useQuery({
    queryKey: chatKeys.conversation(id),
    queryFn: () => fetchConversation(id),
    initialData: initial,
  });
  // The server names a chat after its first message: the list, refreshed after each send,
  // knows that name before this copy does.
  const { data: listed } = useQuery({
    queryKey: chatKeys.conversations,
    queryFn: fetchConversations,
    select: (list) => list.find((item) => item.id === id),
  });
  const { messages } = conversation;
  const streaming = streamingMessage(messages);
  const form = useComposerForm(id, conversation);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const dock = useRef<HTMLDivElement>(null);
  const turns = useChatTurns(id, messages, streaming, form);
  useMessagePolling(id, messages);

  useFollowBottom(list, dock);

  return (
    <div className="flex min-h-[calc(100dvh-11rem)] min-w-0 flex-col">
      <header className="mb-6 flex min-w-0 items-center gap-3 border-b border-border pb-3">
        <h1 className="min-w-0 flex-1 truncate text-lg font-semibold tracking-tight sm:text-xl">
          {chatTitle(listed ?? conversation)}
        </h1>
        <ConversationMenu conversationId={id} busy={streaming !== null} onError={turns.setError} />
      </header>
      <div ref={list} className="flex-1 pb-6">
        <MessageList
          messages={messages}
          busy={streaming !== null}
          actions={{
            onAnswer: turns.answer,
            onRetry: turns.retry,
            onChangePlan: () => textarea.current?.focus(),
          }}
        />
      </div>
      <ComposerDock ref={dock}>
        <Composer
          key={id}
          draftKey={id}
          form={form}
          textareaRef={textarea}
          busy={streaming !== null}
          stopping={turns.stopping}
          sending={false}
          error={turns.error}
          onSend={turns.send}
          onStop={() => void turns.stop()}
        />
      </ComposerDock>
    </div>
  );
}
