"use client";
import { cn } from "@/lib/shared/cn";
import { GlobeIcon } from "./chat-icons";

/** Lets each::sense search the web before answering questions about facts and news. */
export function WebSearchSwitch({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      title="Search the web for questions about facts, trends and news"
      onClick={() => onChange(!checked)}
      className={cn(
        "inline-flex h-7 shrink-0 items-center gap-1.5 rounded-lg border px-2.5 text-xs font-medium transition",
        "focus-visible:outline-2 focus-visible:outline-ring",
        checked
          ? "border-primary/40 bg-accent text-accent-foreground"
          : "border-input text-muted-foreground hover:bg-muted hover:text-foreground",
      )}
    >
      <GlobeIcon width={14} height={14} />
      Web search
    </button>
  );
}
