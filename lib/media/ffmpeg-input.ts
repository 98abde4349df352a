import "server-only";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { extensionFor } from "../shared/media-kind";
import type { MediaStore } from "../storage/media-store";
import { moovBeforeMdat } from "./mp4-layout";

/** Arguments naming the input for ffmpeg, and the stream to feed its stdin, if any. */
export type FfmpegInput = { args: string[]; stdin?: Readable };

// ISO base media files: readable front to back only when their index comes first.
const ISO_MEDIA = new Set([
  "video/mp4",
  "video/quicktime",
  "audio/mp4",
  "audio/x-m4a",
  "video/3gpp",
]);

/**
 * Runs `run` with a way to open the stored file as an ffmpeg input (as often as it needs):
 * streamed to stdin when ffmpeg can read it in one pass, or first copied to a temporary file,
 * deleted afterwards, when ffmpeg must seek (an MP4 whose index is at the end).
 */
export async function withFfmpegInput<T>(
  store: MediaStore,
  asset: { key: string; contentType: string },
  run: (open: () => Promise<FfmpegInput>) => Promise<T>,
): Promise<T> {
  const type = asset.contentType.split(";")[0]!.trim().toLowerCase();
  const seekable = ISO_MEDIA.has(type) && !(await moovBeforeMdat(store, asset.key));
  if (!seekable)
    return run(async () => ({ args: ["-i", "pipe:0"], stdin: await store.read(asset.key) }));

  const file = path.join(
    os.tmpdir(),
    `media-preview-${randomUUID()}.${extensionFor(asset.contentType)}`,
  );
  try {
    await pipeline(await store.read(asset.key), fs.createWriteStream(file));
    return await run(async () => ({ args: ["-i", file] }));
  } finally {
    await fs.promises.rm(file, { force: true });
  }
}
