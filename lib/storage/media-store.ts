import "server-only";
import type { Readable } from "node:stream";

/** Where stored files live: a local folder by default (an S3-compatible bucket later). */
export interface MediaStore {
  /** Streams bytes in; the key is derived from the content, so equal files share a key. */
  put(body: Readable, options: { contentType: string; maxBytes: number }): Promise<StoredObject>;
  /** Streams bytes out, optionally a byte range (inclusive). */
  read(key: string, range?: { start: number; end: number }): Promise<Readable>;
  size(key: string): Promise<number | null>;
  delete(key: string): Promise<void>;
}

export type StoredObject = { key: string; byteSize: number; sha256: string };

export class TooLargeError extends Error {
  override name = "TooLargeError";
}
