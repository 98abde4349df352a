import fs from "node:fs";
import sharp from "sharp";
import type { PredictionRecord } from "../predictions/prediction-record.js";
import { stripMarkers } from "../predictions/markers.js";
import { parseAspect, sizeForAspect } from "./aspect.js";
import { renderWav, type AudioStyle } from "./audio-generator.js";
import { deriveImage, type Derivation } from "./image-derivations.js";
import { renderImage } from "./image-generator.js";
import { readInputMedia, type InputMedia, type InputMediaDeps } from "./input-media.js";
import { padFile } from "./large-file.js";
import type { StoredMedia } from "./media-store.js";
import { contentTypeFor } from "./content-types.js";
import { renderText } from "./text-generator.js";
import { renderVideo } from "./video-generator.js";

export interface ProduceDeps extends InputMediaDeps {
  mediaUrl(name: string): string;
}

// Bump when generators change, so cached files from an older simulator are not reused.
const GENERATOR_VERSION = 1;
const IMAGE_LONGEST_SIDE = 768;
const VIDEO_LONGEST_SIDE = 480;
const MAX_VIDEO_SECONDS = 5;
const MAX_AUDIO_SECONDS = 10;

/** Makes the prediction's output (files on disk, URLs in the answer) shaped by the model's output_type. */
export async function produceOutput(deps: ProduceDeps, record: PredictionRecord): Promise<unknown> {
  const input = record.resolvedInput;
  const prompt = stripMarkers(promptOf(input));
  const images = await readImageInputs(deps, input);
  const keyBase = JSON.stringify({
    v: GENERATOR_VERSION,
    slug: record.model.slug,
    input: fingerprinted(input, images),
    seed: record.seed,
  });
  const label = record.model.slug;

  if (record.kind === "text") {
    const text = renderText(prompt, record.seed);
    if (record.model.output_type === "object") {
      return {
        text,
        usage: {
          prompt_tokens: Math.ceil(prompt.length / 4),
          completion_tokens: Math.ceil(text.length / 4),
        },
      };
    }
    return record.model.output_type === "array" ? [text] : text;
  }

  let files: StoredMedia[];
  if (record.kind === "image") {
    const count =
      record.model.output_type === "array"
        ? clampInt(input.num_outputs ?? input.num_images, 1, 8, 1)
        : 1;
    const operation = derivationFor(
      `${record.model.slug} ${record.model.title}`,
      images.primary !== null,
    );
    files = await Promise.all(
      Array.from({ length: count }, (_, index) =>
        deps.media.produce(`${keyBase}#${index}`, "png", async (tmpPath) => {
          const spec = { prompt, seed: record.seed, label, index };
          const size = sizeForAspect(
            parseAspect(input.aspect_ratio) ?? { w: 1, h: 1 },
            IMAGE_LONGEST_SIDE,
            8,
          );
          const picture =
            operation === null
              ? await renderImage({ ...spec, ...size })
              : await deriveImage({
                  ...spec,
                  operation,
                  source: images.primary?.data ?? (await renderImage({ ...spec, ...size })),
                  scale: clampInt(
                    input.scale ?? input.scale_factor ?? input.upscale_factor,
                    1,
                    8,
                    2,
                  ),
                  second: images.second?.data ?? null,
                });
          await fs.promises.writeFile(tmpPath, picture);
        }),
      ),
    );
  } else if (record.kind === "video") {
    files = [
      await deps.media.produce(keyBase, "mp4", async (tmpPath, scratch) => {
        const aspect = parseAspect(input.aspect_ratio) ??
          (await aspectOf(images.primary)) ?? { w: 16, h: 9 };
        const size = sizeForAspect(aspect, VIDEO_LONGEST_SIDE, 2);
        const description =
          typeof record.model.request_schema.description === "string"
            ? record.model.request_schema.description
            : "";
        await renderVideo(
          {
            ...size,
            seconds: clampNumber(input.duration, 1, MAX_VIDEO_SECONDS, MAX_VIDEO_SECONDS),
            prompt,
            seed: record.seed,
            label,
            withAudio: /\baudio\b/i.test(description),
            sourceImage: images.primary?.data ?? null,
          },
          tmpPath,
          scratch,
        );
      }),
    ];
  } else {
    files = [
      await deps.media.produce(keyBase, "wav", async (tmpPath) => {
        const style = audioStyle(`${record.model.slug} ${record.model.title}`, input);
        const seconds =
          style === "speech"
            ? Math.min(MAX_AUDIO_SECONDS, Math.max(1, prompt.split(/\s+/).length / 2.5))
            : clampNumber(input.duration, 1, MAX_AUDIO_SECONDS, MAX_AUDIO_SECONDS);
        await fs.promises.writeFile(
          tmpPath,
          renderWav({ seconds, prompt, seed: record.seed, style }),
        );
      }),
    ];
  }

  const sizeBytes = record.markers.sizeBytes;
  const first = files[0];
  if (sizeBytes !== null && first !== undefined) {
    const extension = first.name.split(".").pop() ?? "bin";
    files[0] = await deps.media.produce(
      `${keyBase}#size=${sizeBytes}`,
      extension,
      async (tmpPath) => {
        await fs.promises.copyFile(first.filePath, tmpPath);
        await padFile(tmpPath, extension, sizeBytes);
      },
    );
  }

  const urls = files.map((file) => deps.mediaUrl(file.name));
  switch (record.model.output_type) {
    case "array":
      return urls;
    case "object":
      return {
        url: urls[0],
        urls,
        content_type: contentTypeFor(files[0]?.name.split(".").pop() ?? "bin"),
      };
    default:
      return urls[0];
  }
}

function promptOf(input: Record<string, unknown>): string {
  for (const field of ["prompt", "text", "lyrics", "style"]) {
    const value = input[field];
    if (typeof value === "string" && value.trim() !== "") return value;
  }
  return "";
}

/** The main input picture, plus a second one (face for swaps, mask for fills). */
async function readImageInputs(
  deps: InputMediaDeps,
  input: Record<string, unknown>,
): Promise<{
  primary: InputMedia | null;
  second: InputMedia | null;
  fields: Map<string, InputMedia>;
}> {
  const fields = new Map<string, InputMedia>();
  let primary: InputMedia | null = null;
  let second: InputMedia | null = null;
  for (const [field, value] of Object.entries(input)) {
    if (!/image|img|photo|face|mask/i.test(field) || typeof value !== "string") continue;
    const media = await readInputMedia(deps, value);
    if (media === null) continue;
    fields.set(field, media);
    if (/face|mask/i.test(field)) second ??= media;
    else primary ??= media;
  }
  return { primary, second, fields };
}

/** The input for the cache key: file URLs replaced by their content hashes. */
function fingerprinted(
  input: Record<string, unknown>,
  images: { fields: Map<string, InputMedia> },
): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(input).sort()) {
    copy[key] = images.fields.get(key)?.fingerprint ?? input[key];
  }
  return copy;
}

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
  if (
    /tts|speech|voice|speak/.test(text) ||
    (typeof input.text === "string" && input.prompt === undefined)
  )
    return "speech";
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

function clampNumber(value: unknown, min: number, max: number, fallback: number): number {
  const number = Number(value);
  return Math.min(
    max,
    Math.max(min, Number.isFinite(number) && value !== null && value !== "" ? number : fallback),
  );
}
