"use client";
import { useState } from "react";
import { BusySpinner } from "../gallery/busy-spinner";
import { ChevronIcon } from "./chat-icons";

/** The agent's reasoning: open while it thinks, folded away once it acts (unless reopened). */
export function ThinkingSection({ text, active }: { text: string; active: boolean }) {
  const [open, setOpen] = useState(active);
  // Follow the stream: open when thinking starts, close when it ends (derived, not an effect).
  const [wasActive, setWasActive] = useState(active);
  if (active !== wasActive) {
    setWasActive(active);
    setOpen(active);
  }
  return (
    <details
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      className="group rounded-lg border border-border bg-muted/40 text-sm"
    >
      <summary className="flex cursor-pointer list-none items-center gap-2 px-3 py-1.5 text-muted-foreground select-none hover:text-foreground [&::-webkit-details-marker]:hidden">
        <ChevronIcon width={14} height={14} className="transition-transform group-open:rotate-90" />
        <span className="font-medium">Thinking</span>
        {active ? <BusySpinner className="size-3" /> : null}
      </summary>
      <p className="border-t border-border px-3 py-2 whitespace-pre-wrap text-muted-foreground">
        {text}
      </p>
    </details>
  );
}
