"use client";
// The images of the message being written: each checked (type, size) before it is sent
// anywhere, uploaded at once with its own progress, and removable at any time.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { checkUploadFile } from "@/lib/shared/model-schema";
import { CHAT_MAX_IMAGES } from "@/lib/shared/sense-schemas";
import { rememberPreview, type DraftImage } from "./composer-drafts";
import { uploadImage, type UploadHandle } from "./upload-image";

export type Attachment = {
  key: number;
  name: string;
  previewUrl: string | null;
  status: "uploading" | "ready" | "failed";
  /** 0–1 while uploading. */
  progress: number;
  url: string | null;
  error: string | null;
};

function localPreview(file: File): string | null {
  // jsdom has no object URLs: the thumbnail then waits for the upload.
  return typeof URL.createObjectURL === "function" ? URL.createObjectURL(file) : null;
}

const fromDraft = (image: DraftImage, key: number): Attachment => ({
  key,
  name: image.name,
  previewUrl: image.previewUrl,
  status: "ready",
  progress: 1,
  url: image.url,
  error: null,
});

export function useAttachments(initial: readonly DraftImage[]) {
  const [items, setItems] = useState<Attachment[]>(() => initial.map(fromDraft));
  const [notice, setNotice] = useState<string | null>(null);
  const nextKey = useRef(initial.length);
  // The count right now, even between two drops in one render.
  const count = useRef(initial.length);
  const uploads = useRef(new Map<number, UploadHandle>());

  useEffect(() => {
    const open = uploads.current;
    return () => {
      for (const upload of open.values()) upload.abort();
    };
  }, []);

  const update = (key: number, change: Partial<Attachment>) =>
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));

  const start = (file: File) => {
    const key = nextKey.current++;
    const previewUrl = localPreview(file);
    count.current++;
    setItems((list) => [
      ...list,
      {
        key,
        name: file.name,
        previewUrl,
        status: "uploading",
        progress: 0,
        url: null,
        error: null,
      },
    ]);
    const upload = uploadImage(file, (progress) => update(key, { progress }));
    uploads.current.set(key, upload);
    upload.done
      .then((url) => {
        rememberPreview(url, previewUrl);
        update(key, { status: "ready", progress: 1, url });
      })
      .catch((cause: unknown) => {
        if (cause instanceof DOMException && cause.name === "AbortError") return;
        const reason = cause instanceof Error && cause.message ? cause.message : "it failed";
        update(key, { status: "failed", error: `Could not upload ${file.name}: ${reason}.` });
      })
      .finally(() => uploads.current.delete(key));
  };

  /** Checks and uploads dropped, pasted or picked files; says why any were left out. */
  const add = (files: readonly File[]) => {
    const problems: string[] = [];
    const room = Math.max(0, CHAT_MAX_IMAGES - count.current);
    const over = files.length - room;
    if (over > 0) {
      problems.push(
        `At most ${CHAT_MAX_IMAGES} images per message: ${over} ${over === 1 ? "image was" : "images were"} left out.`,
      );
    }
    for (const file of files.slice(0, room)) {
      const problem = checkUploadFile(file, "image");
      if (problem) problems.push(`${file.name}: ${problem}`);
      else start(file);
    }
    setNotice(problems.length > 0 ? problems.join(" ") : null);
  };

  const remove = (key: number) => {
    uploads.current.get(key)?.abort();
    count.current = Math.max(0, count.current - 1);
    setNotice(null);
    setItems((list) => list.filter((item) => item.key !== key));
  };

  const reset = useCallback((images: readonly DraftImage[] = []) => {
    for (const upload of uploads.current.values()) upload.abort();
    uploads.current.clear();
    count.current = images.length;
    setNotice(null);
    setItems(images.map((image) => fromDraft(image, nextKey.current++)));
  }, []);

  // Stable between renders, so the composer saves its draft only when it changes.
  const ready = useMemo<DraftImage[]>(
    () =>
      items.flatMap((item) =>
        item.status === "ready" && item.url
          ? [{ url: item.url, name: item.name, previewUrl: item.previewUrl }]
          : [],
      ),
    [items],
  );

  return {
    items,
    ready,
    notice,
    uploading: items.some((item) => item.status === "uploading"),
    failed: items.some((item) => item.status === "failed"),
    add,
    remove,
    reset,
  };
}
