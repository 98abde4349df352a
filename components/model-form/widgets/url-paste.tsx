"use client";
import { useState } from "react";
import { isHttpUrl } from "@/lib/shared/model-schema";
import { Button } from "@/components/ui/button";
import { controlBase } from "../control-classes";
import { LinkIcon } from "../form-icons";

const BAD_LINK = "Enter a full link that starts with https://";

/** A link instead of an upload: pasting one uses it at once, typing one needs Enter or the button. */
export function UrlPaste({
  label,
  disabled,
  onUrl,
  onError,
}: {
  label: string;
  disabled: boolean;
  onUrl: (url: string) => void;
  onError: (message: string) => void;
}) {
  const [text, setText] = useState("");
  const use = (candidate: string) => {
    const url = candidate.trim();
    if (!url) return;
    if (!isHttpUrl(url)) {
      onError(BAD_LINK);
      return;
    }
    onUrl(url);
    setText("");
  };
  return (
    <div className="flex gap-2">
      <div className="relative min-w-0 flex-1">
        <LinkIcon className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-muted-foreground" />
        <input
          type="url"
          inputMode="url"
          aria-label={`${label} link`}
          placeholder="…or paste a link (https://…)"
          value={text}
          disabled={disabled}
          onChange={(event) => setText(event.target.value)}
          onPaste={(event) => {
            const pasted = event.clipboardData.getData("text").trim();
            if (text === "" && isHttpUrl(pasted)) {
              event.preventDefault();
              use(pasted);
            }
          }}
          onKeyDown={(event) => {
            // Enter adds the link; it must not run the model (Ctrl/Cmd+Enter still does).
            if (event.key === "Enter" && !event.metaKey && !event.ctrlKey) {
              event.preventDefault();
              use(text);
            }
          }}
          className={`${controlBase} h-9 w-full pr-3 pl-9`}
        />
      </div>
      <Button
        variant="outline"
        size="sm"
        className="h-9"
        disabled={disabled || text.trim() === ""}
        onClick={() => use(text)}
      >
        Use link
      </Button>
    </div>
  );
}
