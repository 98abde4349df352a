"use client";

import { type ReactNode, useCallback, useMemo, useRef, useState } from "react";
import { type Toast, type ToastCloseReason, ToastContext, type ToastInput } from "./toast-context";
import { ToastItem } from "./toast-item";

const DEFAULT_DURATION_MS = 5000;
/** Older toasts go first: a burst of failures should not bury the page. */
const MAX_TOASTS = 4;

/** Holds the toasts and draws them in one polite live region at the bottom of the screen. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(0);
  // The open toasts by id, in order: a click racing the timer may ask twice to close one,
  // and its onClose must run once.
  const open = useRef(new Map<string, Toast>());

  const close = useCallback((id: string, reason: ToastCloseReason) => {
    const toast = open.current.get(id);
    if (!toast) return;
    open.current.delete(id);
    setToasts((current) => current.filter((item) => item.id !== id));
    toast.onClose?.(reason);
  }, []);

  const show = useCallback(
    (input: ToastInput) => {
      const id = `toast-${++nextId.current}`;
      const toast: Toast = {
        ...input,
        id,
        durationMs: input.durationMs === undefined ? DEFAULT_DURATION_MS : input.durationMs,
      };
      for (const oldId of [...open.current.keys()].slice(0, open.current.size + 1 - MAX_TOASTS)) {
        close(oldId, "dismiss");
      }
      open.current.set(id, toast);
      setToasts((current) => [...current, toast]);
      return id;
    },
    [close],
  );

  const toaster = useMemo(
    () => ({ show, dismiss: (id: string) => close(id, "dismiss") }),
    [show, close],
  );

  return (
    <ToastContext.Provider value={toaster}>
      {children}
      <div
        role="region"
        aria-label="Notifications"
        className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex justify-center p-4 sm:justify-end"
      >
        <div aria-live="polite" className="flex w-full max-w-sm flex-col gap-2">
          {toasts.map((toast) => (
            <ToastItem key={toast.id} toast={toast} onClose={close} />
          ))}
        </div>
      </div>
    </ToastContext.Provider>
  );
}
