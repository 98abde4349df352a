"use client";
import { useState } from "react";
import { CHAT_TITLE_MAX } from "@/lib/shared/sense-schemas";
import { BusySpinner } from "../gallery/busy-spinner";

/** The chat's name as an input in place: Enter or leaving saves, Escape cancels. */
export function RenameForm({
  initial,
  pending,
  error,
  onSave,
  onCancel,
}: {
  initial: string;
  pending: boolean;
  error: string | null;
  onSave: (title: string) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(initial);
  const save = () => {
    const title = value.trim();
    if (!title || title === initial) onCancel();
    else onSave(title);
  };
  return (
    <form
      className="min-w-0 flex-1 px-1.5 py-1"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <div className="flex items-center gap-1.5">
        <input
          autoFocus
          aria-label="Chat name"
          value={value}
          maxLength={CHAT_TITLE_MAX}
          disabled={pending}
          aria-invalid={error ? true : undefined}
          onChange={(event) => setValue(event.target.value)}
          onBlur={() => !pending && save()}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.preventDefault();
              onCancel();
            }
          }}
          className="h-8 w-full min-w-0 rounded-md border border-input bg-card px-2 text-sm focus-visible:outline-2 focus-visible:outline-ring"
        />
        {pending ? <BusySpinner className="size-3.5 text-muted-foreground" /> : null}
      </div>
      {error ? (
        <p role="alert" className="mt-1 px-0.5 text-xs text-destructive">
          {error}
        </p>
      ) : null}
    </form>
  );
}
