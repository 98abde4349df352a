"use client";

import { createContext, useContext } from "react";

export type ToastTone = "info" | "success" | "error";
export type ToastCloseReason = "timeout" | "dismiss" | "action";

export type ToastInput = {
  message: string;
  tone?: ToastTone;
  /** One button, e.g. Undo. The toast shows `pendingLabel` while `run` works, closes when it
   *  succeeds and says what went wrong (and stays) when it throws. */
  action?: { label: string; pendingLabel: string; run: () => Promise<unknown> };
  /** How long it stays, ms (paused while hovered or focused); null keeps it until closed. */
  durationMs?: number | null;
  /** Called once, when the toast goes and why: e.g. navigate away only once an undo window
   *  has passed. */
  onClose?: (reason: ToastCloseReason) => void;
};

export type Toast = ToastInput & { id: string };

export type Toaster = {
  show: (toast: ToastInput) => string;
  dismiss: (id: string) => void;
};

export const ToastContext = createContext<Toaster | null>(null);

/** The gallery's toasts; needs a ToastProvider above (the gallery layout has one). */
export function useToast(): Toaster {
  const toaster = useContext(ToastContext);
  if (!toaster) throw new Error("useToast needs a <ToastProvider> above it.");
  return toaster;
}
