"use client";
import { useEffect, useRef } from "react";
import { BusySpinner } from "../gallery/busy-spinner";
import { Button } from "../ui/button";

/** "Delete this chat?": a modal so a stray click on Delete never loses a conversation. */
export function DeleteChatDialog({
  title,
  pending,
  error,
  onConfirm,
  onCancel,
}: {
  title: string;
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      aria-labelledby="delete-chat-title"
      onClose={onCancel}
      className="m-auto w-[min(26rem,calc(100vw-2rem))] rounded-xl border border-border bg-popover p-5 text-popover-foreground shadow-xl backdrop:bg-black/50"
    >
      <h2 id="delete-chat-title" className="text-base font-semibold">
        Delete this chat?
      </h2>
      <p className="mt-2 text-sm text-muted-foreground">
        “{title}” and its messages go for good. The images, videos and audio it made stay in your
        gallery.
      </p>
      {error ? (
        <p role="alert" className="mt-3 text-sm text-destructive">
          {error}
        </p>
      ) : null}
      <div className="mt-5 flex justify-end gap-2">
        <Button variant="ghost" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
        <Button variant="destructive" onClick={onConfirm} disabled={pending}>
          {pending ? <BusySpinner /> : null}
          {pending ? "Deleting…" : "Delete"}
        </Button>
      </div>
    </dialog>
  );
}
