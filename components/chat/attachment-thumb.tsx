"use client";
import { cn } from "@/lib/shared/cn";
import { CloseIcon } from "../ui/icons";
import { Spinner } from "../ui/spinner";
import type { Attachment } from "./use-attachments";

/** One attached image: its preview, its upload progress or failure, and a remove button. */
export function AttachmentThumb({ item, onRemove }: { item: Attachment; onRemove: () => void }) {
  const percent = Math.round(item.progress * 100);
  return (
    <li
      className={cn(
        "relative size-16 shrink-0 overflow-hidden rounded-lg border bg-muted",
        item.status === "failed" ? "border-destructive/60" : "border-border",
      )}
      title={item.error ?? item.name}
    >
      {item.previewUrl || item.url ? (
        <img
          src={item.previewUrl ?? item.url ?? undefined}
          alt={`Attached: ${item.name}`}
          className={cn("size-full object-cover", item.status !== "ready" && "opacity-60")}
        />
      ) : null}
      {item.status === "uploading" ? (
        <div className="absolute inset-0 grid place-items-center bg-background/40">
          <Spinner label={`Uploading ${item.name}: ${percent}%`} className="text-foreground" />
          <span
            aria-hidden="true"
            className="absolute inset-x-1 bottom-1 h-1 overflow-hidden rounded-full bg-background/70"
          >
            <span
              className="block h-full bg-primary transition-all"
              style={{ width: `${percent}%` }}
            />
          </span>
        </div>
      ) : null}
      {item.status === "failed" ? (
        <span className="absolute inset-x-0 bottom-0 bg-destructive px-1 text-center text-[10px] font-medium text-destructive-foreground">
          Failed
        </span>
      ) : null}
      <button
        type="button"
        onClick={onRemove}
        aria-label={`Remove ${item.name}`}
        className="absolute top-0.5 right-0.5 grid size-5 place-items-center rounded-full bg-foreground/70 text-background hover:bg-foreground"
      >
        <CloseIcon width={12} height={12} />
      </button>
    </li>
  );
}
