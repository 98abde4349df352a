"use client";

import { useRef, useSyncExternalStore } from "react";
import type { WorkflowVersionView } from "@/lib/shared/workflow-api";
import { CopyLinkButton } from "../../gallery/copy-link-button";
import { publicPagePath } from "../public/public-path";

const noSubscribe = () => () => {};

/** The public link of a shared version, with Copy link. */
export function ShareLink({ share }: { share: NonNullable<WorkflowVersionView["share"]> }) {
  const path = publicPagePath(share);
  // The server does not know the address the person reached us at; the browser does.
  const origin = useSyncExternalStore(
    noSubscribe,
    () => window.location.origin,
    () => "",
  );
  const text = useRef<HTMLAnchorElement>(null);
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-md border border-success/40 bg-success/10 px-3 py-2 text-sm">
      <span className="font-medium">Public link:</span>
      <a
        ref={text}
        href={path}
        data-testid="workflow-share-url"
        className="min-w-0 font-mono text-xs break-all text-primary underline"
      >
        {origin}
        {path}
      </a>
      <CopyLinkButton
        text={`${origin}${path}`}
        onFailed={() => {
          const selection = window.getSelection();
          if (text.current && selection) selection.selectAllChildren(text.current);
        }}
      />
    </div>
  );
}
