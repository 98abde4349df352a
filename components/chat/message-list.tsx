"use client";
import type { ChatMessageView } from "@/lib/shared/sense-types";
import { AssistantMessage, type AssistantActions } from "./assistant-message";
import { SystemNote } from "./system-note";
import { UserMessage } from "./user-message";

/** The conversation, oldest first. Only the latest reply's questions can be answered. */
export function MessageList({
  messages,
  busy,
  actions,
}: {
  messages: ChatMessageView[];
  busy: boolean;
  actions: AssistantActions;
}) {
  return (
    <div className="space-y-6">
      {messages.map((message, index) => {
        if (message.role === "user") return <UserMessage key={message.id} message={message} />;
        if (message.role === "system") return <SystemNote key={message.id} message={message} />;
        const asked = messages.slice(0, index).findLast((item) => item.role === "user");
        return (
          <AssistantMessage
            key={message.id}
            message={message}
            prompt={asked?.content ?? null}
            canAnswer={!busy && index === messages.length - 1}
            canRetry={!busy}
            actions={actions}
          />
        );
      })}
    </div>
  );
}
