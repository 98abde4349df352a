"use client";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { BusySpinner } from "../gallery/busy-spinner";
import { EraseIcon, MoreIcon } from "./chat-icons";
import { useClearMemory } from "./use-conversation-mutations";

const item =
  "flex w-full items-center gap-2 rounded-md px-2.5 py-2 text-left text-sm hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring disabled:opacity-50";

/** The open chat's options: make each::sense forget it, or see what it made. */
export function ConversationMenu({
  conversationId,
  busy,
  onError,
}: {
  conversationId: string;
  /** A reply is streaming: the server refuses to clear memory meanwhile. */
  busy: boolean;
  onError: (message: string | null) => void;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const clear = useClearMemory(conversationId);

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (
        event instanceof KeyboardEvent
          ? event.key === "Escape"
          : !root.current?.contains(event.target as Node)
      )
        setOpen(false);
    };
    document.addEventListener("pointerdown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  return (
    <div ref={root} className="relative shrink-0">
      <button
        type="button"
        aria-label="Chat options"
        aria-expanded={open}
        aria-controls="chat-options"
        onClick={() => setOpen((value) => !value)}
        className="grid size-9 place-items-center rounded-md text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
      >
        {clear.isPending ? <BusySpinner /> : <MoreIcon width={18} height={18} />}
      </button>
      {open ? (
        <div
          id="chat-options"
          className="absolute top-full right-0 z-20 mt-1 w-64 rounded-lg border border-border bg-popover p-1 text-popover-foreground shadow-lg"
        >
          <button
            type="button"
            className={item}
            aria-describedby="clear-memory-hint"
            disabled={busy || clear.isPending}
            onClick={() => {
              onError(null);
              clear.mutate(undefined, {
                onSuccess: () => setOpen(false),
                onError: (error) => {
                  setOpen(false);
                  onError(error.message);
                },
              });
            }}
          >
            <EraseIcon className="shrink-0" />
            {clear.isPending ? "Clearing memory…" : "Clear memory"}
          </button>
          <p id="clear-memory-hint" className="px-2.5 pb-1.5 pl-9 text-xs text-muted-foreground">
            {busy
              ? "Wait for the reply to finish first."
              : "each::sense forgets this chat so far; the messages stay."}
          </p>
          <Link href="/gallery?source=chat" className={`${item} border-t border-border`}>
            See chat media in the gallery
          </Link>
        </div>
      ) : null}
    </div>
  );
}
