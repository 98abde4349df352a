"use client";
import { useRef, useState, type ClipboardEvent, type DragEvent } from "react";
import { cn } from "@/lib/shared/cn";
import { UploadIcon } from "../form-icons";

type Props = {
  /** The file input's id: the field's label points at it. */
  id: string;
  accept?: string;
  multiple: boolean;
  disabled: boolean;
  invalid: boolean;
  describedBy: string;
  /** A smaller zone when a file is already chosen (it then replaces it). */
  compact: boolean;
  title: string;
  hint: string;
  onFiles: (files: File[]) => void;
};

/**
 * Drag a file here, click to pick one, or paste one from the clipboard. The real control is a
 * visually hidden file input, so Tab reaches it and Enter opens the picker.
 */
export function DropZone({
  id,
  accept,
  multiple,
  disabled,
  invalid,
  describedBy,
  compact,
  title,
  hint,
  onFiles,
}: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (!disabled) onFiles(Array.from(event.dataTransfer.files));
  };
  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    const files = Array.from(event.clipboardData.files);
    if (files.length === 0 || disabled) return;
    event.preventDefault();
    onFiles(files);
  };

  return (
    <div
      data-dragging={dragging || undefined}
      onClick={() => !disabled && input.current?.click()}
      onDragEnter={(event) => {
        event.preventDefault();
        if (!disabled) setDragging(true);
      }}
      onDragOver={(event) => event.preventDefault()}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
      onPaste={onPaste}
      className={cn(
        "flex cursor-pointer items-center gap-3 rounded-lg border-2 border-dashed bg-card text-sm transition-colors",
        "has-[input:focus-visible]:outline-2 has-[input:focus-visible]:outline-offset-2 has-[input:focus-visible]:outline-ring",
        compact ? "px-4 py-3" : "flex-col justify-center px-6 py-8 text-center",
        dragging
          ? "border-primary bg-accent"
          : invalid
            ? "border-destructive/60"
            : "border-input hover:border-primary/60 hover:bg-muted/50",
        disabled && "cursor-not-allowed opacity-60",
      )}
    >
      <input
        ref={input}
        type="file"
        id={id}
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className="sr-only"
        onClick={(event) => event.stopPropagation()}
        onChange={(event) => {
          onFiles(Array.from(event.target.files ?? []));
          // Picking the same file again after removing it must fire `change` again.
          event.target.value = "";
        }}
      />
      <span
        className={cn(
          "flex items-center justify-center rounded-full bg-muted text-muted-foreground",
          compact ? "size-8" : "size-10",
        )}
      >
        <UploadIcon width={compact ? 16 : 20} height={compact ? 16 : 20} />
      </span>
      <span className={cn("flex flex-col gap-0.5", compact && "text-left")}>
        <span>
          <span className="font-medium text-primary">{title}</span>
          <span className="text-muted-foreground"> or drag it here</span>
        </span>
        <span className="text-xs text-muted-foreground">{hint}</span>
      </span>
    </div>
  );
}
