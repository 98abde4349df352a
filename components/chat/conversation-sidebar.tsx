"use client";
import { useRouter } from "next/navigation";
import type { ConversationSummary } from "@/lib/shared/sense-types";
import { cn } from "@/lib/shared/cn";
import { Button } from "../ui/button";
import { ConversationItem } from "./conversation-item";
import { PlusIcon } from "../ui/icons";

/** Every chat, newest activity first, with New chat on top. */
export function ConversationSidebar({
  conversations,
  activeId,
  open,
  onNavigate,
}: {
  conversations: ConversationSummary[];
  activeId: string | null;
  /** At phone width the list shows only when asked for. */
  open: boolean;
  onNavigate: () => void;
}) {
  const router = useRouter();
  return (
    <nav
      id="chat-conversations"
      aria-label="Conversations"
      className={cn(
        "min-w-0 rounded-xl border border-border bg-card p-3 md:sticky md:top-24 md:block md:max-h-[calc(100dvh-8rem)] md:overflow-y-auto md:border-0 md:bg-transparent md:p-0",
        open ? "block" : "hidden",
      )}
    >
      <Button
        variant="secondary"
        className="w-full justify-start"
        onClick={() => {
          onNavigate();
          router.push("/chat");
        }}
      >
        <PlusIcon />
        New chat
      </Button>
      {conversations.length > 0 ? (
        <ul className="mt-3 space-y-0.5">
          {conversations.map((conversation) => (
            <ConversationItem
              key={conversation.id}
              conversation={conversation}
              active={conversation.id === activeId}
              onNavigate={onNavigate}
            />
          ))}
        </ul>
      ) : (
        <p className="mt-4 px-3 text-sm text-muted-foreground">
          No chats yet. Your conversations with each::sense will be listed here.
        </p>
      )}
    </nav>
  );
}
