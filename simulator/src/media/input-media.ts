import fs from "node:fs";
import { sha256Hex } from "../prng.js";
import type { MediaStore } from "./media-store.js";
import type { UploadStore } from "../uploads/upload-store.js";

export interface InputMediaDeps {
  media: MediaStore;
  uploads: UploadStore;
  /** True for URLs that point at this simulator (its public URL, or loopback on its port). */
  isOwnUrl(url: URL): boolean;
}

export interface InputMedia {
  data: Buffer;
  /** Content hash, used in cache keys instead of the URL (ports and upload ids change between runs). */
  fingerprint: string;
}

// The reference's image size limit; anything bigger is not worth decoding here.
const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/**
 * Reads an input file the simulator can see: its own uploads and media, or a
 * data: URI. Other URLs (there is no internet here) return null, and the caller
 * generates a stand-in picture instead.
 */
export async function readInputMedia(
  deps: InputMediaDeps,
  value: unknown,
): Promise<InputMedia | null> {
  if (typeof value !== "string" || value === "") return null;
  if (value.startsWith("data:")) return fromDataUri(value);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (!deps.isOwnUrl(url)) return null;
  const filePath = localPath(deps, url.pathname);
  if (filePath === null) return null;
  try {
    const { size } = await fs.promises.stat(filePath);
    if (size > MAX_INPUT_BYTES) return null;
    const data = await fs.promises.readFile(filePath);
    return { data, fingerprint: sha256Hex(data) };
  } catch {
    return null;
  }
}

function localPath(deps: InputMediaDeps, pathname: string): string | null {
  const media = /^\/media\/([^/]+)$/.exec(pathname);
  if (media?.[1] !== undefined) return deps.media.pathOf(media[1]);
  const upload = /^\/uploads\/([0-9a-f-]{36})\.[a-z0-9]+$/i.exec(pathname);
  if (upload?.[1] !== undefined) {
    const record = deps.uploads.get(upload[1].toLowerCase());
    return record?.state === "live" ? deps.uploads.filePath(record) : null;
  }
  return null;
}

function fromDataUri(value: string): InputMedia | null {
  const comma = value.indexOf(",");
  if (comma < 0) return null;
  const meta = value.slice(5, comma);
  const payload = value.slice(comma + 1);
  const data = meta.endsWith(";base64")
    ? Buffer.from(payload, "base64")
    : Buffer.from(decodeURIComponent(payload));
  if (data.length === 0 || data.length > MAX_INPUT_BYTES) return null;
  return { data, fingerprint: sha256Hex(data) };
}
