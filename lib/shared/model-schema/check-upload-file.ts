// Refuses a file before it is uploaded, with a message that says what would work: uploading
// 300 MB only to hear "too large" from the server wastes the person's time and bandwidth.
import { MEDIA_LIMITS, UPLOAD_MAX_BYTES, formatBytes, type UploadKind } from "./limits";

export type UploadCandidate = { type: string; size: number; name?: string };

const KIND_NOUN: Record<UploadKind, string> = {
  image: "image",
  video: "video",
  audio: "audio file",
  file: "file",
};

function extensionOf(name: string | undefined): string {
  const match = /\.[a-z0-9]+$/i.exec(name ?? "");
  return match ? match[0].toLowerCase() : "";
}

function hasAllowedFormat(file: UploadCandidate, kind: Exclude<UploadKind, "file">): boolean {
  const limit = MEDIA_LIMITS[kind];
  const type = file.type.toLowerCase();
  if (type) return limit.mimeTypes.includes(type);
  // Some systems report no type (a .m4a on Windows, say): the file name decides then.
  return limit.extensions.includes(extensionOf(file.name));
}

/** Why `file` cannot go into a field of `kind`, or null when it can. */
export function checkUploadFile(file: UploadCandidate, kind: UploadKind): string | null {
  if (kind !== "file") {
    const limit = MEDIA_LIMITS[kind];
    if (!hasAllowedFormat(file, kind)) {
      const what = file.type || extensionOf(file.name) || "an unknown type";
      return `This field takes a ${limit.formats} ${KIND_NOUN[kind]}; this file is ${what}.`;
    }
    if (file.size > limit.maxBytes) {
      return `This ${KIND_NOUN[kind]} is ${formatBytes(file.size)}; the limit is ${formatBytes(limit.maxBytes)}. Use a smaller file.`;
    }
  }
  if (file.size > UPLOAD_MAX_BYTES) {
    return `This ${KIND_NOUN[kind]} is ${formatBytes(file.size)}; uploads are limited to ${formatBytes(UPLOAD_MAX_BYTES)}. Paste a link to it instead.`;
  }
  if (file.size === 0) return "This file is empty. Choose another one.";
  return null;
}
