"use client";
import { useQuery } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import type { ConversationSummary } from "@/lib/shared/sense-types";
import { Button } from "../ui/button";
import { chatKeys, fetchConversations } from "./chat-cache";
import { SidebarIcon } from "./chat-icons";
import { ConversationSidebar } from "./conversation-sidebar";

/** The chat page's frame: the list of chats beside the open one (above it, on a phone). */
export function ChatWorkspace({
  initialConversations,
  activeId,
  children,
}: {
  initialConversations: ConversationSummary[];
  activeId: string | null;
  children: ReactNode;
}) {
  const [listOpen, setListOpen] = useState(false);
  const { data: conversations } = useQuery({
    queryKey: chatKeys.conversations,
    queryFn: fetchConversations,
    initialData: initialConversations,
  });

  return (
    <div className="grid min-w-0 gap-4 md:grid-cols-[15rem_minmax(0,1fr)] md:gap-8 lg:grid-cols-[17rem_minmax(0,1fr)]">
      <div className="min-w-0 md:hidden">
        <Button
          variant="secondary"
          size="sm"
          aria-expanded={listOpen}
          aria-controls="chat-conversations"
          onClick={() => setListOpen((open) => !open)}
        >
          <SidebarIcon />
          {listOpen ? "Hide chats" : `Chats (${conversations.length})`}
        </Button>
      </div>
      <ConversationSidebar
        conversations={conversations}
        activeId={activeId}
        open={listOpen}
        onNavigate={() => setListOpen(false)}
      />
      <div className="min-w-0">{children}</div>
    </div>
  );
}
