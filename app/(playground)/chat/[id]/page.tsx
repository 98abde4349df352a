import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChatWorkspace } from "@/components/chat/chat-workspace";
import { ConversationPane } from "@/components/chat/conversation-pane";
import { requireUser } from "@/lib/auth/session";
import { getConversation, listConversations } from "@/lib/sense/conversations";
import { AppError } from "@/lib/shared/errors";

export const metadata: Metadata = { title: "Chat" };

type Props = { params: Promise<{ id: string }> };

export default async function ConversationPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/chat/${encodeURIComponent(id)}`);
  const [conversations, conversation] = await Promise.all([
    listConversations(user.id, { limit: 50 }),
    getConversation(user.id, id).catch((error: unknown) => {
      if (error instanceof AppError && error.code.startsWith("not_found:")) notFound();
      throw error;
    }),
  ]);
  return (
    <ChatWorkspace initialConversations={conversations} activeId={id}>
      {/* Keyed: another chat is a new pane, never this one's state reused. */}
      <ConversationPane key={id} initial={conversation} />
    </ChatWorkspace>
  );
}
