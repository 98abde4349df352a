"use client";
import type { ErrorView } from "./message-view-model";
import { RetryButton } from "./retry-button";

const ENDINGS = {
  failed: {
    label: "Failed",
    text: "The reply failed.",
    tone: "border-destructive/40 bg-destructive/10",
    labelTone: "text-destructive",
  },
  interrupted: {
    label: "Interrupted",
    text: "The reply was cut short. What arrived is kept.",
    tone: "border-warning/50 bg-warning/10 text-foreground",
    labelTone: "",
  },
  stopped: {
    label: "Stopped",
    text: "The reply was stopped (with Stop, or by leaving the page). What arrived is kept.",
    tone: "border-border bg-muted/60 text-foreground",
    labelTone: "",
  },
} as const;

/** A reply that did not complete: how it ended, its code, and Retry. */
export function MessageError({
  error,
  ending,
  retryAt,
  canRetry,
  onRetry,
}: {
  error: ErrorView | null;
  ending: keyof typeof ENDINGS;
  retryAt: number | null;
  canRetry: boolean;
  onRetry: () => void;
}) {
  const { label, text, tone, labelTone } = ENDINGS[ending];
  return (
    <div
      role={ending === "stopped" ? "status" : "alert"}
      className={`space-y-2 rounded-lg border px-3 py-2.5 text-sm ${tone}`}
    >
      <p className="flex flex-wrap items-center gap-2">
        <span className={`font-semibold ${labelTone}`}>{label}</span>
        {error ? (
          <code className="rounded bg-background/70 px-1.5 py-0.5 font-mono text-xs text-muted-foreground">
            {error.code}
          </code>
        ) : null}
      </p>
      <p>{error?.message ?? text}</p>
      {error?.suggestion ? <p className="text-muted-foreground">{error.suggestion}</p> : null}
      <RetryButton onRetry={onRetry} disabled={!canRetry} retryAt={retryAt} />
    </div>
  );
}
