"use client";
import { useEffect, useRef, useState } from "react";
import { checkUploadFile, type UploadKind } from "@/lib/shared/model-schema";

export type PendingUpload = { key: number; name: string; previewUrl?: string };

type Options = {
  field: string;
  kind: UploadKind;
  uploadFile: ((file: File, field: string) => Promise<string>) | undefined;
  onUploaded: (url: string) => void;
  onPendingChange: ((field: string, pending: boolean) => void) | undefined;
};

function localPreview(file: File): string | undefined {
  // jsdom and some old browsers have no object URLs: the preview then waits for the upload.
  return typeof URL.createObjectURL === "function" ? URL.createObjectURL(file) : undefined;
}

function revoke(url: string | undefined) {
  if (url && typeof URL.revokeObjectURL === "function") URL.revokeObjectURL(url);
}

/**
 * Checks and uploads the files dropped on one field, tracking each one until the API's URL
 * comes back. A file that breaks the platform limits is refused here, before any upload.
 */
export function useUploads({ field, kind, uploadFile, onUploaded, onPendingChange }: Options) {
  const [pending, setPending] = useState<PendingUpload[]>([]);
  const [error, setError] = useState<string | null>(null);
  const nextKey = useRef(0);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const busy = pending.length > 0;
  useEffect(() => {
    onPendingChange?.(field, busy);
    return () => onPendingChange?.(field, false);
  }, [busy, field, onPendingChange]);

  function upload(file: File) {
    if (!uploadFile) {
      setError("Uploading is not available here. Paste a link to the file instead.");
      return;
    }
    const item: PendingUpload = {
      key: nextKey.current++,
      name: file.name,
      previewUrl: localPreview(file),
    };
    setPending((list) => [...list, item]);
    uploadFile(file, field)
      .then((url) => {
        if (mounted.current) onUploaded(url);
      })
      .catch((cause: unknown) => {
        if (!mounted.current) return;
        const reason =
          cause instanceof Error && cause.message ? cause.message : "the upload failed";
        setError(`Could not upload ${file.name}: ${reason}. Try again, or paste a link instead.`);
      })
      .finally(() => {
        revoke(item.previewUrl);
        if (mounted.current) setPending((list) => list.filter((entry) => entry.key !== item.key));
      });
  }

  /** Uploads the acceptable files; `notice` explains files left out before this call. */
  function start(files: readonly File[], notice?: string) {
    let message = notice ?? null;
    for (const file of files) {
      const problem = checkUploadFile(file, kind);
      if (problem) message ??= `${file.name}: ${problem}`;
      else upload(file);
    }
    setError(message);
  }

  return { pending, error, setError, start };
}
