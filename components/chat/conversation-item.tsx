"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ConversationSummary } from "@/lib/shared/sense-types";
import { cn } from "@/lib/shared/cn";
import { PencilIcon, TrashIcon } from "./chat-icons";
import { DeleteChatDialog } from "./delete-chat-dialog";
import { RelativeTime } from "./relative-time";
import { RenameForm } from "./rename-form";
import { useDeleteConversation, useRenameConversation } from "./use-conversation-mutations";

export const chatTitle = (conversation: Pick<ConversationSummary, "title">) =>
  conversation.title ?? "New chat";

const iconButton =
  "grid size-7 place-items-center rounded-md text-muted-foreground hover:bg-background hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring";

/** One chat in the list: its link, and Rename and Delete beside it. */
export function ConversationItem({
  conversation,
  active,
  onNavigate,
}: {
  conversation: ConversationSummary;
  active: boolean;
  onNavigate: () => void;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const rename = useRenameConversation(conversation.id);
  const remove = useDeleteConversation(conversation.id);
  const title = chatTitle(conversation);

  return (
    <li
      className={cn(
        "group flex min-w-0 items-center gap-1 rounded-lg pr-1 transition-colors",
        active ? "bg-accent text-accent-foreground" : "hover:bg-muted",
      )}
    >
      {editing ? (
        <RenameForm
          initial={title}
          pending={rename.isPending}
          error={rename.error?.message ?? null}
          onCancel={() => {
            rename.reset();
            setEditing(false);
          }}
          onSave={(value) => rename.mutate(value, { onSuccess: () => setEditing(false) })}
        />
      ) : (
        <Link
          href={`/chat/${conversation.id}`}
          aria-current={active ? "page" : undefined}
          onClick={onNavigate}
          className="min-w-0 flex-1 rounded-lg px-3 py-2 focus-visible:outline-2 focus-visible:outline-ring"
        >
          <span className="block truncate text-sm font-medium">{title}</span>
          <span className="block text-xs text-muted-foreground">
            <RelativeTime iso={conversation.lastMessageAt} />
          </span>
        </Link>
      )}
      {editing ? null : (
        <div
          className={cn(
            "flex shrink-0 transition-opacity",
            // Touch screens cannot hover: their buttons always show.
            "[@media(hover:hover)]:opacity-0 [@media(hover:hover)]:group-focus-within:opacity-100 [@media(hover:hover)]:group-hover:opacity-100",
          )}
        >
          <button
            type="button"
            aria-label="Rename"
            title={`Rename “${title}”`}
            className={iconButton}
            onClick={() => setEditing(true)}
          >
            <PencilIcon width={14} height={14} />
          </button>
          <button
            type="button"
            aria-label="Delete"
            title={`Delete “${title}”`}
            className={iconButton}
            onClick={() => setConfirming(true)}
          >
            <TrashIcon width={14} height={14} />
          </button>
        </div>
      )}
      {confirming ? (
        <DeleteChatDialog
          title={title}
          pending={remove.isPending}
          error={remove.error?.message ?? null}
          onCancel={() => {
            remove.reset();
            setConfirming(false);
          }}
          onConfirm={() =>
            remove.mutate(undefined, {
              onSuccess: () => {
                setConfirming(false);
                if (active) router.replace("/chat");
              },
            })
          }
        />
      ) : null}
    </li>
  );
}
