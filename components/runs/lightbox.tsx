"use client";

import { useEffect, useRef } from "react";
import { CloseIcon } from "../ui/icons";

/** A full-screen view of one image; Escape, the button or a click outside closes it. */
export function Lightbox({ src, alt, onClose }: { src: string; alt: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      aria-label="Image viewer"
      onClose={onClose}
      onClick={(event) => event.target === dialog.current && onClose()}
      className="m-auto max-h-dvh max-w-[100vw] bg-transparent p-4 backdrop:bg-black/80"
    >
      <button
        type="button"
        onClick={onClose}
        aria-label="Close"
        className="fixed top-4 right-4 grid size-10 place-items-center rounded-full bg-black/60 text-white hover:bg-black/80"
      >
        <CloseIcon />
      </button>
      <img
        src={src}
        alt={alt}
        className="max-h-[90dvh] max-w-[92vw] rounded-lg object-contain shadow-2xl"
      />
    </dialog>
  );
}
