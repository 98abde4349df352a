"use client";
import { useState, type ReactNode } from "react";
import { ChevronDownIcon } from "../form-icons";

/**
 * The fold for rarely-touched knobs. It opens by itself when a field inside has an error:
 * an error nobody can see is an error nobody can fix.
 */
export function AdvancedSection({
  count,
  hasErrors,
  children,
}: {
  count: number;
  hasErrors: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(hasErrors);
  const [hadErrors, setHadErrors] = useState(hasErrors);
  if (hasErrors !== hadErrors) {
    setHadErrors(hasErrors);
    if (hasErrors) setOpen(true);
  }
  return (
    <details
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      className="group rounded-lg border border-border bg-card"
    >
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-lg px-4 py-3 text-sm font-medium select-none hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring [&::-webkit-details-marker]:hidden">
        <span className="flex items-center gap-2">
          Advanced settings
          <span className="rounded-full bg-muted px-2 py-0.5 text-xs font-normal text-muted-foreground tabular-nums">
            {count}
          </span>
          {hasErrors ? (
            <span className="text-xs font-normal text-destructive">needs attention</span>
          ) : null}
        </span>
        <ChevronDownIcon className="text-muted-foreground transition-transform group-open:rotate-180" />
      </summary>
      <div className="space-y-5 border-t border-border px-4 py-4">{children}</div>
    </details>
  );
}
