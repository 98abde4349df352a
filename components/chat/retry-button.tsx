"use client";
import { useEffect, useState } from "react";
import { Button } from "../ui/button";
import { RetryIcon } from "./chat-icons";

/** Retry, held back until a rate limit's wait is over (counting down meanwhile). */
export function RetryButton({
  onRetry,
  disabled,
  retryAt,
}: {
  onRetry: () => void;
  disabled: boolean;
  /** Epoch ms before which a retry would be refused again. */
  retryAt: number | null;
}) {
  const [now, setNow] = useState(() => Date.now());
  const waiting = retryAt !== null && now < retryAt;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [waiting]);
  const seconds = retryAt === null ? 0 : Math.ceil((retryAt - now) / 1000);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="secondary" size="sm" onClick={onRetry} disabled={disabled || waiting}>
        <RetryIcon />
        Retry
      </Button>
      {waiting ? (
        <span className="text-xs text-muted-foreground tabular-nums">
          each::sense takes requests again in {seconds} s.
        </span>
      ) : null}
    </div>
  );
}
