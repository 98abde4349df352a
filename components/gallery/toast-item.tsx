"use client";

import { useEffect, useRef, useState } from "react";
import { ApiError } from "@/lib/client/api";
import { cn } from "@/lib/shared/cn";
import { CloseIcon } from "../ui/icons";
import { BusySpinner } from "./busy-spinner";
import type { Toast, ToastCloseReason } from "./toast-context";

const TONES = {
  info: "border-border",
  success: "border-success/50",
  error: "border-destructive/50",
} as const;

type ActionState =
  { status: "idle" } | { status: "pending" } | { status: "failed"; message: string };

/** One toast: its message, its action, a close button, and a timer that waits while the
 *  pointer or focus is on it (so there is time to reach Undo with a keyboard). */
export function ToastItem({
  toast,
  onClose,
}: {
  toast: Toast;
  onClose: (id: string, reason: ToastCloseReason) => void;
}) {
  const [held, setHeld] = useState({ hover: false, focus: false });
  const [action, setAction] = useState<ActionState>({ status: "idle" });
  const remaining = useRef(toast.durationMs ?? null);
  const paused = held.hover || held.focus || action.status !== "idle";

  useEffect(() => {
    if (remaining.current === null || paused) return;
    const started = Date.now();
    const timer = setTimeout(() => onClose(toast.id, "timeout"), remaining.current);
    return () => {
      clearTimeout(timer);
      if (remaining.current !== null) {
        remaining.current = Math.max(1000, remaining.current - (Date.now() - started));
      }
    };
  }, [paused, onClose, toast.id]);

  async function runAction() {
    if (!toast.action) return;
    setAction({ status: "pending" });
    try {
      await toast.action.run();
      onClose(toast.id, "action");
    } catch (error) {
      const message = error instanceof ApiError ? error.message : "Something went wrong.";
      setAction({ status: "failed", message });
    }
  }

  const tone = action.status === "failed" ? "error" : (toast.tone ?? "info");
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      onPointerEnter={() => setHeld((h) => ({ ...h, hover: true }))}
      onPointerLeave={() => setHeld((h) => ({ ...h, hover: false }))}
      onFocus={() => setHeld((h) => ({ ...h, focus: true }))}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget))
          setHeld((h) => ({ ...h, focus: false }));
      }}
      className={cn(
        "pointer-events-auto flex items-center gap-3 rounded-lg border bg-popover py-2 pr-2 pl-4 text-sm text-popover-foreground shadow-lg",
        TONES[tone],
      )}
    >
      <p className={cn("min-w-0 flex-1", tone === "error" && "text-destructive")}>
        {action.status === "failed"
          ? `${toast.action?.label ?? "That"} failed: ${action.message}`
          : toast.message}
      </p>
      {toast.action && action.status !== "failed" ? (
        <button
          type="button"
          onClick={runAction}
          disabled={action.status === "pending"}
          className="inline-flex h-8 shrink-0 items-center gap-2 rounded-md px-3 font-semibold text-primary hover:bg-muted disabled:opacity-70"
        >
          {action.status === "pending" ? (
            <>
              <BusySpinner /> {toast.action.pendingLabel}
            </>
          ) : (
            toast.action.label
          )}
        </button>
      ) : null}
      <button
        type="button"
        aria-label="Dismiss"
        onClick={() => onClose(toast.id, "dismiss")}
        className="grid size-8 shrink-0 place-items-center rounded-md text-muted-foreground hover:bg-muted hover:text-foreground"
      >
        <CloseIcon width={16} height={16} />
      </button>
    </div>
  );
}
