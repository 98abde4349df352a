import "server-only";
import { Readable } from "node:stream";
import type { MediaStore } from "../storage/media-store";

/** Parses one `bytes=a-b` range (the only kind browsers send for media). */
export function parseRange(
  header: string | null,
  size: number,
): { start: number; end: number } | "invalid" | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return "invalid";
  let start: number;
  let end: number;
  if (match[1] === "") {
    const suffix = Number(match[2]);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  if (start > end || start >= size) return "invalid";
  return { start, end };
}

/**
 * Streams a stored file with its content type, length and range support (so video seeks).
 * Stored files never change (their key is their hash), hence the long cache lifetime.
 */
export async function serveStoredFile(
  store: MediaStore,
  file: { key: string; contentType: string; fileName?: string; cacheControl?: string },
  request: Request,
): Promise<Response> {
  const size = await store.size(file.key);
  if (size === null) return new Response("This file is no longer stored.", { status: 404 });
  const headers = new Headers({
    "Content-Type": file.contentType,
    "Accept-Ranges": "bytes",
    "Cache-Control": file.cacheControl ?? "private, max-age=31536000, immutable",
    "X-Content-Type-Options": "nosniff",
  });
  if (file.fileName)
    headers.set("Content-Disposition", `inline; filename="${file.fileName.replace(/"/g, "")}"`);

  const range = parseRange(request.headers.get("range"), size);
  if (range === "invalid") {
    headers.set("Content-Range", `bytes */${size}`);
    return new Response(null, { status: 416, headers });
  }
  if (request.method === "HEAD") {
    headers.set("Content-Length", String(size));
    return new Response(null, { status: 200, headers });
  }
  const body = await store.read(file.key, range ?? undefined);
  const stream = Readable.toWeb(body) as ReadableStream<Uint8Array>;
  if (!range) {
    headers.set("Content-Length", String(size));
    return new Response(stream, { status: 200, headers });
  }
  headers.set("Content-Length", String(range.end - range.start + 1));
  headers.set("Content-Range", `bytes ${range.start}-${range.end}/${size}`);
  return new Response(stream, { status: 206, headers });
}
