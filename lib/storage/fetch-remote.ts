import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { contentTypeFromName } from "../shared/media-kind";
import { mediaStore } from ".";
import type { StoredObject } from "./media-store";

export type CopiedFile = StoredObject & { contentType: string };

/**
 * Copies a remote file (an upstream output) into our storage as it downloads: only http(s),
 * a size cap, a timeout, and never the whole file in memory.
 */
export async function copyRemoteFile(
  url: string,
  options: { maxBytes: number; timeoutMs: number },
): Promise<CopiedFile> {
  const parsed = new URL(url);
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    throw new Error(`refusing to fetch ${parsed.protocol} URL`);
  const response = await fetch(parsed, {
    signal: AbortSignal.timeout(options.timeoutMs),
    redirect: "follow",
  });
  if (!response.ok || !response.body)
    throw new Error(`fetching the output failed with HTTP ${response.status}`);
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > options.maxBytes)
    throw new Error(`the output is larger than ${options.maxBytes} bytes`);
  const headerType = response.headers.get("content-type")?.split(";")[0]?.trim();
  const contentType =
    headerType && headerType !== "application/octet-stream"
      ? headerType
      : (contentTypeFromName(parsed.pathname) ?? "application/octet-stream");
  const stored = await mediaStore().put(
    Readable.fromWeb(response.body as WebReadableStream<Uint8Array>),
    { contentType, maxBytes: options.maxBytes },
  );
  return { ...stored, contentType };
}
