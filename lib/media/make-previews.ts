import "server-only";
import { buffer } from "node:stream/consumers";
import type { AssetPreviews } from "../shared/asset-types";
import type { AssetKind } from "../shared/media-kind";
import type { MediaStore } from "../storage/media-store";
import { audioPreviews } from "./audio-previews";
import { imagePreviews } from "./image-previews";
import { FfmpegUnavailableError } from "./run-ffmpeg";
import { videoPreviews } from "./video-previews";

export type Previews = {
  previews: AssetPreviews;
  width?: number;
  height?: number;
  durationMs?: number;
};

// sharp decodes from memory; larger "images" are not worth a thumbnail's risk.
const MAX_IMAGE_BYTES = 100 * 1024 * 1024;

let ffmpegMissing = false;

/**
 * Thumbnails, a poster, a waveform, the pixel size and the duration of a stored asset, as
 * far as its kind has them; previews go into the same store. Never throws: a file that
 * cannot be read (corrupt, or no ffmpeg) gets empty previews and one line in the log.
 */
export async function makePreviews(
  store: MediaStore,
  asset: { key: string; contentType: string; kind: AssetKind },
): Promise<Previews> {
  try {
    switch (asset.kind) {
      case "image": {
        const size = await store.size(asset.key);
        if (size === null || size > MAX_IMAGE_BYTES)
          throw new Error(
            size === null ? "not in storage" : `larger than ${MAX_IMAGE_BYTES} bytes`,
          );
        const { thumbs, width, height } = await imagePreviews(
          store,
          await buffer(await store.read(asset.key)),
        );
        return { previews: { thumbs }, width, height };
      }
      case "video":
        return ffmpegMissing ? { previews: {} } : await videoPreviews(store, asset);
      case "audio":
        return ffmpegMissing ? { previews: {} } : await audioPreviews(store, asset);
      default:
        return { previews: {} };
    }
  } catch (error) {
    if (error instanceof FfmpegUnavailableError) {
      // Said once: without ffmpeg every video and audio file would repeat it.
      if (!ffmpegMissing) console.warn(`previews: ${error.message}; skipping video and audio`);
      ffmpegMissing = true;
    } else {
      const reason = error instanceof Error ? error.message : String(error);
      console.warn(`previews: none for ${asset.key} (${asset.contentType}): ${reason}`);
    }
    return { previews: {} };
  }
}
