"use client";
import type { UploadKind } from "@/lib/shared/model-schema";
import { fileNameOfUrl } from "@/lib/shared/model-schema";
import { Button } from "@/components/ui/button";
import { XIcon } from "../form-icons";
import { SpinnerIcon } from "../spinner-icon";
import { FileIcon } from "../../ui/icons";

type Props = {
  kind: UploadKind;
  /** The uploaded or pasted URL, or a local preview while uploading. */
  src?: string;
  name?: string;
  pending?: boolean;
  disabled?: boolean;
  onRemove?: () => void;
};

function Media({ kind, src, name }: { kind: UploadKind; src: string; name: string }) {
  if (kind === "image") {
    // Any host can serve an input image; next/image would need every host configured.
    return (
      <img src={src} alt={`Preview of ${name}`} className="h-40 w-full bg-muted object-contain" />
    );
  }
  if (kind === "video") {
    return (
      <video
        src={src}
        controls
        preload="metadata"
        className="max-h-56 w-full bg-muted"
        aria-label={name}
      />
    );
  }
  if (kind === "audio") {
    return (
      <div className="p-3">
        <audio src={src} controls preload="metadata" className="w-full" aria-label={name} />
      </div>
    );
  }
  return (
    <a
      href={src}
      target="_blank"
      rel="noreferrer"
      className="flex items-center gap-2 p-3 text-sm underline-offset-2 hover:underline"
    >
      <FileIcon className="shrink-0 text-muted-foreground" />
      <span className="truncate">{name}</span>
    </a>
  );
}

/** One chosen file: its thumbnail or player, its name, and a way to remove it. */
export function MediaPreview({ kind, src, name, pending, disabled, onRemove }: Props) {
  const caption = name ?? (src ? fileNameOfUrl(src) : "File");
  return (
    <figure
      className="relative overflow-hidden rounded-lg border border-border bg-card"
      aria-busy={pending || undefined}
    >
      {src ? (
        <Media kind={kind} src={src} name={caption} />
      ) : (
        <div className="flex h-24 items-center justify-center bg-muted text-muted-foreground">
          <FileIcon width={24} height={24} />
        </div>
      )}
      <figcaption className="flex items-center gap-2 border-t border-border px-3 py-2 text-xs">
        {pending ? <SpinnerIcon className="size-3 text-primary" /> : null}
        <span className="min-w-0 flex-1 truncate text-muted-foreground" title={caption}>
          {pending ? `Uploading ${caption}…` : caption}
        </span>
        {onRemove && !pending ? (
          <Button
            variant="ghost"
            size="icon"
            aria-label={`Remove ${caption}`}
            title="Remove"
            disabled={disabled}
            onClick={onRemove}
            className="-my-1"
          >
            <XIcon />
          </Button>
        ) : null}
      </figcaption>
    </figure>
  );
}
