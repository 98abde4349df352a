import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { ChatIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Chat" };

export default async function ChatPage() {
  await requireUser("/chat");
  return (
    <div className="space-y-8">
      <PageHeader
        title="Chat"
        description="Ask each::sense for images, video and audio in plain words."
      />
      <EmptyState icon={<ChatIcon width={40} height={40} />} title="Nothing here yet">
        Conversations with each::sense will appear here.
      </EmptyState>
    </div>
  );
}
