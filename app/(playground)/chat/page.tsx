import type { Metadata } from "next";
import { ChatWorkspace } from "@/components/chat/chat-workspace";
import { NewChatPane } from "@/components/chat/new-chat-pane";
import { requireUser } from "@/lib/auth/session";
import { listConversations } from "@/lib/sense/conversations";

export const metadata: Metadata = { title: "Chat" };

export default async function ChatPage() {
  const user = await requireUser("/chat");
  const conversations = await listConversations(user.id, { limit: 50 });
  return (
    <ChatWorkspace initialConversations={conversations} activeId={null}>
      <NewChatPane />
    </ChatWorkspace>
  );
}
