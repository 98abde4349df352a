"use client";

import { useId, useRef, useState, useSyncExternalStore } from "react";
import type { AssetView } from "@/lib/shared/asset-types";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { BusySpinner } from "./busy-spinner";
import { CopyLinkButton } from "./copy-link-button";
import { errorMessage } from "./error-message";
import { ExternalIcon, RepeatIcon, ShareIcon } from "./gallery-icons";
import { useShare } from "./use-share";

const noSubscribe = () => () => {};

/** The page's origin, once in the browser (the server render shows the path alone). */
function useOrigin(): string {
  return useSyncExternalStore(
    noSubscribe,
    () => window.location.origin,
    () => "",
  );
}

function selectText(element: HTMLElement | null) {
  if (!element) return;
  const range = document.createRange();
  range.selectNodeContents(element);
  window.getSelection()?.removeAllRanges();
  window.getSelection()?.addRange(range);
}

/**
 * Sharing one item: a public page anyone with the link can open. Shows the link with Copy
 * and Open once shared; "Share again with a new link" retires the old link; the prompt can be
 * hidden from the public page (changing that keeps the link).
 */
export function SharePanel({ asset }: { asset: AssetView }) {
  const id = useId();
  const origin = useOrigin();
  const urlRef = useRef<HTMLParagraphElement>(null);
  const { share, update, unshare } = useShare(asset.id);
  const [hidePrompt, setHidePrompt] = useState(asset.share?.hidePrompt ?? false);
  const [copyFailed, setCopyFailed] = useState(false);
  const shared = asset.share;
  const busy = share.isPending || update.isPending || unshare.isPending;
  const failure = share.error ?? update.error ?? unshare.error;

  function reset() {
    share.reset();
    update.reset();
    unshare.reset();
    setCopyFailed(false);
  }

  return (
    <div className="space-y-4">
      <label htmlFor={`${id}-hide`} className="flex items-start gap-2.5 text-sm">
        <input
          id={`${id}-hide`}
          type="checkbox"
          checked={hidePrompt}
          disabled={busy}
          onChange={(event) => {
            const next = event.target.checked;
            setHidePrompt(next);
            reset();
            if (shared) update.mutate(next, { onError: () => setHidePrompt(!next) });
          }}
          className="mt-0.5 size-4 accent-primary"
        />
        <span>
          Hide prompt on the public page
          {update.isPending ? <span className="ml-2 text-muted-foreground">Saving…</span> : null}
        </span>
      </label>

      {shared ? (
        <div className="space-y-3">
          <p className="text-sm text-muted-foreground">
            Anyone with this link can see it, no account needed:
          </p>
          <p
            ref={urlRef}
            data-testid="share-url"
            className="rounded-md border border-border bg-muted px-3 py-2 font-mono text-sm break-all"
          >
            {origin}
            {shared.url}
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <CopyLinkButton
              text={`${origin}${shared.url}`}
              onFailed={() => {
                setCopyFailed(true);
                selectText(urlRef.current);
              }}
            />
            <a
              href={shared.url}
              target="_blank"
              rel="noopener"
              className="inline-flex h-8 items-center gap-1.5 rounded-md px-3 text-sm font-medium text-primary hover:bg-muted"
            >
              <ExternalIcon width={16} height={16} /> Open
            </a>
          </div>
          <div className="flex flex-wrap gap-2 border-t border-border pt-3">
            <Button
              variant="outline"
              size="sm"
              disabled={busy}
              onClick={() => {
                reset();
                unshare.mutate();
              }}
            >
              {unshare.isPending ? <BusySpinner /> : null}
              {unshare.isPending ? "Unsharing…" : "Unshare"}
            </Button>
            <Button
              variant="ghost"
              size="sm"
              disabled={busy}
              title="The current link stops working"
              onClick={() => {
                reset();
                share.mutate(hidePrompt);
              }}
            >
              {share.isPending ? <BusySpinner /> : <RepeatIcon width={16} height={16} />}
              Share again with a new link
            </Button>
          </div>
          <p className="text-xs text-muted-foreground">
            A new link retires this one; so does Unshare.
          </p>
        </div>
      ) : (
        <div className="space-y-2">
          <p className="text-sm text-muted-foreground">
            Make a public page for it: anyone with the link can see it, no account needed.
          </p>
          <Button
            size="sm"
            disabled={busy}
            onClick={() => {
              reset();
              share.mutate(hidePrompt);
            }}
          >
            {share.isPending ? <BusySpinner /> : <ShareIcon width={16} height={16} />}
            {share.isPending ? "Sharing…" : "Share"}
          </Button>
        </div>
      )}

      {copyFailed ? (
        <Alert tone="warning">
          Could not copy. The link is selected: press Ctrl+C (⌘C on a Mac).
        </Alert>
      ) : null}
      {failure ? <Alert tone="error">{errorMessage(failure)}</Alert> : null}
    </div>
  );
}
