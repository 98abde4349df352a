"use client";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SpinnerIcon } from "./spinner-icon";
import { useShortcutModifier } from "./use-shortcut-label";

/** The form's own error (and server errors no field owns), then Run with its state. */
export function FormFooter({
  messages,
  submitLabel,
  submitting,
  uploading,
  disabled,
}: {
  messages: string[];
  submitLabel: string;
  submitting: boolean;
  uploading: boolean;
  disabled: boolean;
}) {
  const modifier = useShortcutModifier();
  const label = submitting ? "Running…" : uploading ? "Waiting for uploads…" : submitLabel;
  return (
    <div className="space-y-4">
      {messages.length > 0 ? (
        <Alert tone="error">
          {messages.map((message, i) => (
            <p key={i}>{message}</p>
          ))}
        </Alert>
      ) : null}
      <div className="flex flex-wrap items-center justify-end gap-3">
        <span className="hidden text-xs text-muted-foreground sm:inline" aria-hidden="true">
          <kbd className="rounded border border-border bg-muted px-1.5 py-0.5 font-sans">
            {modifier}
          </kbd>
          {" + "}
          <kbd className="rounded border border-border bg-muted px-1.5 py-0.5 font-sans">Enter</kbd>
        </span>
        <Button
          type="submit"
          size="lg"
          disabled={disabled || submitting || uploading}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          className="min-w-32"
        >
          {submitting || uploading ? <SpinnerIcon /> : null}
          {label}
        </Button>
      </div>
      <p className="sr-only" aria-live="polite">
        {submitting ? "Running the model." : uploading ? "Waiting for uploads to finish." : ""}
      </p>
    </div>
  );
}
