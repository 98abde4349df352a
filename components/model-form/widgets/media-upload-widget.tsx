"use client";
import type { WidgetProps } from "@rjsf/utils";
import { ariaDescribedByIds } from "@rjsf/utils";
import { useEffect, useRef } from "react";
import {
  MEDIA_LIMITS,
  UPLOAD_MAX_BYTES,
  acceptFor,
  formatBytes,
  type MediaUploadWidgetOptions,
  type UploadKind,
} from "@/lib/shared/model-schema";
import { cn } from "@/lib/shared/cn";
import { isModelFormContext } from "../form-context";
import { DropZone } from "./drop-zone";
import { MediaPreview } from "./media-preview";
import { UrlPaste } from "./url-paste";
import { useUploads } from "./use-uploads";

const NOUN: Record<UploadKind, string> = {
  image: "image",
  video: "video",
  audio: "audio file",
  file: "file",
};
const A_NOUN: Record<UploadKind, string> = {
  image: "an image",
  video: "a video",
  audio: "an audio file",
  file: "a file",
};

function hintFor(kind: UploadKind, maxFiles: number | undefined, multiple: boolean): string {
  const limit =
    kind === "file" ? UPLOAD_MAX_BYTES : Math.min(MEDIA_LIMITS[kind].maxBytes, UPLOAD_MAX_BYTES);
  const formats = kind === "file" ? "Any file" : MEDIA_LIMITS[kind].formats;
  const count = multiple && maxFiles ? ` · up to ${maxFiles} files` : "";
  return `${formats} up to ${formatBytes(limit)}${count}`;
}

function urlsOf(value: unknown): string[] {
  if (Array.isArray(value))
    return value.filter((v): v is string => typeof v === "string" && v !== "");
  return typeof value === "string" && value !== "" ? [value] : [];
}

/** A file field: drop zone, picker, link paste, previews of what is chosen and what is uploading. */
export function MediaUploadWidget(props: WidgetProps) {
  const { id, name, value, options, disabled, readonly, rawErrors, label, registry, onChange } =
    props;
  const {
    kind = "file",
    multiple = false,
    maxFiles,
  } = options as Partial<MediaUploadWidgetOptions>;
  const context = isModelFormContext(registry.formContext) ? registry.formContext : undefined;
  const urls = urlsOf(value);

  // Uploads finish after the render that started them: they add to the latest value, not to
  // the one their closure saw.
  const latest = useRef(urls);
  useEffect(() => {
    latest.current = urls;
  });
  const setUrls = (next: string[]) => {
    latest.current = next;
    onChange(multiple ? (next.length > 0 ? next : undefined) : next[0]);
  };
  const add = (url: string) => setUrls(multiple ? [...latest.current, url] : [url]);

  const uploads = useUploads({
    field: name,
    kind,
    uploadFile: context?.uploadFile,
    onUploaded: add,
    onPendingChange: context?.onUploadPendingChange,
  });
  const room = multiple ? (maxFiles ?? Infinity) - urls.length - uploads.pending.length : 1;
  const off = Boolean(disabled || readonly);
  const full = multiple && room <= 0;

  const onFiles = (files: File[]) => {
    if (files.length === 0) return;
    if (!multiple)
      return uploads.start(
        files.slice(0, 1),
        files.length > 1 ? `Only one ${NOUN[kind]} goes here; the first was used.` : undefined,
      );
    const taken = files.slice(0, Math.max(0, room));
    const notice =
      files.length > taken.length
        ? `At most ${maxFiles} ${NOUN[kind]}s here; ${files.length - taken.length} left out.`
        : undefined;
    uploads.start(taken, notice);
  };

  const errorId = `${id}__upload-error`;
  // A single field shows the replacement while it uploads, not the file it replaces.
  const shown = !multiple && uploads.pending.length > 0 ? [] : urls;
  return (
    <div className="space-y-2">
      {shown.length + uploads.pending.length > 0 ? (
        <ul className={cn("grid gap-2", multiple ? "grid-cols-2 sm:grid-cols-3" : "grid-cols-1")}>
          {shown.map((url, i) => (
            <li key={`${i}:${url}`}>
              <MediaPreview
                kind={kind}
                src={url}
                disabled={off}
                onRemove={() => setUrls(latest.current.filter((_, j) => j !== i))}
              />
            </li>
          ))}
          {uploads.pending.map((item) => (
            <li key={`pending:${item.key}`}>
              <MediaPreview kind={kind} src={item.previewUrl} name={item.name} pending />
            </li>
          ))}
        </ul>
      ) : null}
      <DropZone
        id={id}
        accept={acceptFor(kind)}
        multiple={multiple}
        disabled={off || full}
        invalid={(rawErrors?.length ?? 0) > 0 || uploads.error !== null}
        describedBy={`${ariaDescribedByIds(id)} ${errorId}`}
        compact={shown.length > 0}
        title={
          full
            ? `${maxFiles} of ${maxFiles} added`
            : shown.length > 0 && !multiple
              ? `Replace the ${NOUN[kind]}`
              : `Choose ${multiple ? `${NOUN[kind]}s` : A_NOUN[kind]}`
        }
        hint={hintFor(kind, maxFiles, multiple)}
        onFiles={onFiles}
      />
      <UrlPaste
        label={label}
        disabled={off || full}
        onUrl={(url) => {
          uploads.setError(null);
          add(url);
        }}
        onError={uploads.setError}
      />
      {uploads.error ? (
        <p id={errorId} role="alert" className="text-sm text-destructive">
          {uploads.error}
        </p>
      ) : null}
    </div>
  );
}
