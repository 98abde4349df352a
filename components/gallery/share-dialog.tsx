"use client";

import { useEffect, useId, useRef } from "react";
import type { AssetView } from "@/lib/shared/asset-types";
import { CloseIcon } from "../ui/icons";
import { assetCaption } from "./asset-label";
import { SharePanel } from "./share-panel";

/** The share panel in a modal, for sharing from the grid's selection toolbar. */
export function ShareDialog({ asset, onClose }: { asset: AssetView; onClose: () => void }) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onClick={(event) => event.target === dialog.current && onClose()}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-border bg-card p-0 text-card-foreground shadow-2xl backdrop:bg-black/60"
    >
      <div className="space-y-4 p-5">
        <div className="flex items-start justify-between gap-3">
          <div className="min-w-0">
            <h2 id={`${id}-title`} className="text-lg font-semibold">
              Share
            </h2>
            <p className="truncate text-sm text-muted-foreground">{assetCaption(asset)}</p>
          </div>
          <button
            type="button"
            onClick={onClose}
            aria-label="Close"
            className="grid size-8 shrink-0 place-items-center rounded-md text-muted-foreground hover:bg-muted hover:text-foreground"
          >
            <CloseIcon width={18} height={18} />
          </button>
        </div>
        <SharePanel asset={asset} />
      </div>
    </dialog>
  );
}
