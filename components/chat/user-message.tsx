"use client";
import { useState } from "react";
import type { ChatMessageView } from "@/lib/shared/sense-types";
import { previewOf } from "./composer-drafts";

/** An attached image: the local preview when this tab uploaded it, else the upload's URL. */
function AttachedImage({ url, index }: { url: string; index: number }) {
  const [broken, setBroken] = useState(false);
  const src = previewOf(url) ?? url;
  if (broken)
    return (
      <span className="grid size-20 place-items-center rounded-lg border border-border bg-muted text-xs text-muted-foreground">
        Image {index + 1}
      </span>
    );
  return (
    <img
      src={src}
      alt={`Attached image ${index + 1}`}
      onError={() => setBroken(true)}
      className="size-20 rounded-lg border border-border object-cover"
    />
  );
}

export function UserMessage({ message }: { message: ChatMessageView }) {
  return (
    <article aria-label="You" className="flex flex-col items-end gap-2">
      {message.attachments.length > 0 ? (
        <div className="flex flex-wrap justify-end gap-2">
          {message.attachments.map((url, index) => (
            <AttachedImage key={url} url={url} index={index} />
          ))}
        </div>
      ) : null}
      <p className="max-w-[85%] rounded-2xl rounded-br-md bg-primary px-4 py-2.5 text-[0.95rem] leading-relaxed break-words whitespace-pre-wrap text-primary-foreground">
        {message.content}
      </p>
    </article>
  );
}
