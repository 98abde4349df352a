import fs from "node:fs";
import sharp from "sharp";
import type { PredictionRecord } from "../predictions/prediction-record.js";
import { parseAspect, sizeForAspect } from "./aspect.js";
import { renderWav, type AudioStyle } from "./audio-generator.js";
import { deriveImage, type Derivation } from "./image-derivations.js";
import { renderImage } from "./image-generator.js";
import type { InputMedia } from "./input-media.js";
import type { MediaStore, StoredMedia } from "./media-store.js";
import { renderVideo } from "./video-generator.js";

/** Everything one prediction's file makers need. */
export interface FileJob {
  media: MediaStore;
  record: PredictionRecord;
  /** Defaults applied, coerced. */
  input: Record<string, unknown>;
  /** The prompt to draw, markers stripped. */
  prompt: string;
  primary: InputMedia | null;
  second: InputMedia | null;
  /** Cache key of everything that determines the files. */
  keyBase: string;
}

const IMAGE_LONGEST_SIDE = 768;
const VIDEO_LONGEST_SIDE = 480;
// Long enough to seek in, short enough to encode in well under a second.
const MAX_VIDEO_SECONDS = 5;
const MAX_AUDIO_SECONDS = 10;

/** One PNG per requested output (num_outputs for array models), generated or derived from the input picture. */
export function makeImages(job: FileJob): Promise<StoredMedia[]> {
  const { record, input } = job;
  const count =
    record.model.output_type === "array"
      ? clampInt(input.num_outputs ?? input.num_images, 1, 8, 1)
      : 1;
  const operation = derivationFor(
    `${record.model.slug} ${record.model.title}`,
    job.primary !== null,
  );
  const size = sizeForAspect(
    parseAspect(input.aspect_ratio) ?? { w: 1, h: 1 },
    IMAGE_LONGEST_SIDE,
    8,
  );
  return Promise.all(
    Array.from({ length: count }, (_, index) =>
      job.media.produce(`${job.keyBase}#${index}`, "png", async (tmpPath) => {
        const spec = { prompt: job.prompt, seed: record.seed, label: record.model.slug, index };
        const picture =
          operation === null
            ? await renderImage({ ...spec, ...size })
            : await deriveImage({
                ...spec,
                operation,
                source: job.primary?.data ?? (await renderImage({ ...spec, ...size })),
                scale: clampInt(input.scale ?? input.scale_factor ?? input.upscale_factor, 1, 8, 2),
                second: job.second?.data ?? null,
              });
        await fs.promises.writeFile(tmpPath, picture);
      }),
    ),
  );
}

export async function makeVideo(job: FileJob): Promise<StoredMedia[]> {
  const { record, input } = job;
  const description =
    typeof record.model.request_schema.description === "string"
      ? record.model.request_schema.description
      : "";
  const file = await job.media.produce(job.keyBase, "mp4", async (tmpPath, scratch) => {
    // Image-to-video keeps the source picture's shape, as the reference says.
    const aspect = parseAspect(input.aspect_ratio) ??
      (await aspectOf(job.primary)) ?? { w: 16, h: 9 };
    await renderVideo(
      {
        ...sizeForAspect(aspect, VIDEO_LONGEST_SIDE, 2),
        seconds: clampNumber(input.duration, 1, MAX_VIDEO_SECONDS, MAX_VIDEO_SECONDS),
        prompt: job.prompt,
        seed: record.seed,
        label: record.model.slug,
        withAudio: /\baudio\b/i.test(description),
        sourceImage: job.primary?.data ?? null,
      },
      tmpPath,
      scratch,
    );
  });
  return [file];
}

export async function makeAudio(job: FileJob): Promise<StoredMedia[]> {
  const { record, input, prompt } = job;
  const file = await job.media.produce(job.keyBase, "wav", async (tmpPath) => {
    const style = audioStyle(`${record.model.slug} ${record.model.title}`, input);
    // Speech lasts as long as the text takes to say (about 2.5 words a second).
    const seconds =
      style === "speech"
        ? Math.min(MAX_AUDIO_SECONDS, Math.max(1, prompt.split(/\s+/).length / 2.5))
        : clampNumber(input.duration, 1, MAX_AUDIO_SECONDS, MAX_AUDIO_SECONDS);
    await fs.promises.writeFile(tmpPath, renderWav({ seconds, prompt, seed: record.seed, style }));
  });
  return [file];
}

/** What an image model does with an input picture, guessed from its name. */
export function derivationFor(name: string, hasImage: boolean): Derivation | null {
  const text = name.toLowerCase();
  if (/\bbg\b|background|remov|matting|cutout/.test(text)) return "remove-background";
  if (/upscal|super.?res|topaz|enhanc/.test(text)) return "upscale";
  if (/face.?swap|\bswap\b/.test(text)) return "face-swap";
  if (/\bfill\b|inpaint|outpaint/.test(text)) return "fill";
  return hasImage ? "edit" : null;
}

function audioStyle(name: string, input: Record<string, unknown>): AudioStyle {
  const text = name.toLowerCase();
  const speaksText = typeof input.text === "string" && input.prompt === undefined;
  if (/tts|speech|voice|speak/.test(text) || speaksText) return "speech";
  if (/music|song|mureka|melod/.test(text)) return "music";
  return /sfx|effect|stable-audio|sound/.test(text) ? "effect" : "music";
}

async function aspectOf(media: InputMedia | null): Promise<{ w: number; h: number } | null> {
  if (media === null) return null;
  const meta = await sharp(media.data).metadata();
  return meta.width !== undefined && meta.height !== undefined
    ? { w: meta.width, h: meta.height }
    : null;
}

function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  return Math.round(clampNumber(value, min, max, fallback));
}

/** A number input within bounds; absent or unreadable values take the fallback. */
function clampNumber(value: unknown, min: number, max: number, fallback: number): number {
  const number = Number(value);
  const usable = Number.isFinite(number) && value !== null && value !== "" && value !== undefined;
  return Math.min(max, Math.max(min, usable ? number : fallback));
}
