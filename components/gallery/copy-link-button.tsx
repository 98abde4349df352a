"use client";

import { useEffect, useState } from "react";
import { Button } from "../ui/button";
import { CheckIcon, CopyIcon } from "./gallery-icons";

type CopyState = "idle" | "copied" | "failed";

/** "Copy link": says "Copied" for a moment; where the clipboard is refused (an insecure
 *  origin, a denied permission) it asks the caller to select the text for a manual copy. */
export function CopyLinkButton({ text, onFailed }: { text: string; onFailed: () => void }) {
  const [state, setState] = useState<CopyState>("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = window.setTimeout(() => setState("idle"), 2500);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
      onFailed();
    }
  }

  return (
    <>
      <Button variant="secondary" size="sm" onClick={copy}>
        {state === "copied" ? (
          <CheckIcon width={16} height={16} />
        ) : (
          <CopyIcon width={16} height={16} />
        )}
        Copy link
      </Button>
      <span role="status" className="sr-only">
        {state === "copied" ? "Link copied" : ""}
      </span>
      {state === "copied" ? (
        <span aria-hidden="true" className="text-sm text-success">
          Copied
        </span>
      ) : null}
    </>
  );
}
