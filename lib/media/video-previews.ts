import "server-only";
import type { MediaStore } from "../storage/media-store";
import { withFfmpegInput, type FfmpegInput } from "./ffmpeg-input";
import { imagePreviews, storeWebp } from "./image-previews";
import type { Previews } from "./make-previews";
import { parseDurationMs } from "./parse-duration";
import { runFfmpeg } from "./run-ffmpeg";

// Half a second in skips the black or faded-in first frame many clips start with.
const POSTER_AT_SECONDS = 0.5;
// Wide enough for a full-width viewer; a 4K frame as a poster would only cost bandwidth.
const POSTER_MAX_WIDTH = 1920;
const FFMPEG_TIMEOUT_MS = 60_000;

/** A poster frame (WebP), its thumbnails, the video's pixel size and its duration. */
export async function videoPreviews(
  store: MediaStore,
  asset: { key: string; contentType: string },
): Promise<Previews> {
  return withFfmpegInput(store, asset, async (open) => {
    const first = await grabFrame(await open(), POSTER_AT_SECONDS);
    const durationMs = parseDurationMs(first.stderr);
    // A clip shorter than the seek point has no frame there: take its first frame instead.
    const frame =
      first.stdout.length > 0 ? first.stdout : (await grabFrame(await open(), 0)).stdout;
    if (frame.length === 0) return { previews: {}, durationMs };
    const poster = await storeWebp(store, frame, POSTER_MAX_WIDTH);
    const { thumbs, width, height } = await imagePreviews(store, frame);
    return { previews: { poster, thumbs }, width, height, durationMs };
  });
}

/** One frame as PNG (lossless, so the WebP is encoded once from clean pixels). */
function grabFrame(input: FfmpegInput, seconds: number) {
  const seek = seconds > 0 ? ["-ss", String(seconds)] : [];
  // -ss after -i decodes up to the point instead of seeking, which also works from a pipe.
  return runFfmpeg(
    [...input.args, ...seek, "-an", "-frames:v", "1", "-f", "image2pipe", "-c:v", "png", "pipe:1"],
    { stdin: input.stdin, timeoutMs: FFMPEG_TIMEOUT_MS },
  );
}
