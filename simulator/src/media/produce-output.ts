import fs from "node:fs";
import type { PredictionRecord } from "../predictions/prediction-record.js";
import { stripMarkers } from "../predictions/markers.js";
import { contentTypeFor } from "./content-types.js";
import { readInputMedia, type InputMedia, type InputMediaDeps } from "./input-media.js";
import { padFile } from "./large-file.js";
import { makeAudio, makeImages, makeVideo, type FileJob } from "./make-files.js";
import type { StoredMedia } from "./media-store.js";
import { renderText } from "./text-generator.js";

export interface ProduceDeps extends InputMediaDeps {
  mediaUrl(name: string): string;
}

// Bump when generators change, so cached files from an older simulator are not reused.
const GENERATOR_VERSION = 1;

/** Makes a prediction's output: files on disk, answered as URLs shaped by the model's output_type. */
export async function produceOutput(deps: ProduceDeps, record: PredictionRecord): Promise<unknown> {
  const input = record.resolvedInput;
  const prompt = stripMarkers(promptOf(input));
  if (record.kind === "text") return textOutput(record, prompt);

  const images = await readImageInputs(deps, input);
  const job: FileJob = {
    media: deps.media,
    record,
    input,
    prompt,
    primary: images.primary,
    second: images.second,
    keyBase: JSON.stringify({
      v: GENERATOR_VERSION,
      slug: record.model.slug,
      input: fingerprinted(input, images.fields),
      seed: record.seed,
    }),
  };
  const makers = { image: makeImages, video: makeVideo, audio: makeAudio } as const;
  const files = await makers[record.kind](job);
  if (record.markers.sizeBytes !== null)
    files[0] = await padded(job, files[0], record.markers.sizeBytes);

  const urls = files.map((file) => deps.mediaUrl(file.name));
  switch (record.model.output_type) {
    case "array":
      return urls;
    case "object":
      return { url: urls[0], urls, content_type: contentTypeFor(extensionOf(files[0])) };
    default:
      return urls[0];
  }
}

function textOutput(record: PredictionRecord, prompt: string): unknown {
  const text = renderText(prompt, record.seed);
  if (record.model.output_type === "object") {
    const usage = {
      prompt_tokens: Math.ceil(prompt.length / 4),
      completion_tokens: Math.ceil(text.length / 4),
    };
    return { text, usage };
  }
  return record.model.output_type === "array" ? [text] : text;
}

/** A copy of the first file grown to `sizeBytes` (`[[size:...]]`), cached under its own key. */
async function padded(
  job: FileJob,
  file: StoredMedia | undefined,
  sizeBytes: number,
): Promise<StoredMedia> {
  if (file === undefined) throw new Error("no output file to pad");
  const extension = extensionOf(file);
  return job.media.produce(`${job.keyBase}#size=${sizeBytes}`, extension, async (tmpPath) => {
    await fs.promises.copyFile(file.filePath, tmpPath);
    await padFile(tmpPath, extension, sizeBytes);
  });
}

function extensionOf(file: StoredMedia | undefined): string {
  return file?.name.split(".").pop() ?? "bin";
}

function promptOf(input: Record<string, unknown>): string {
  for (const field of ["prompt", "text", "lyrics", "style"]) {
    const value = input[field];
    if (typeof value === "string" && value.trim() !== "") return value;
  }
  return "";
}

/** The main input picture, plus a second one (the face for swaps, the mask for fills). */
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

/** The input for the cache key, with file URLs replaced by content hashes (ports and ids change between runs). */
function fingerprinted(
  input: Record<string, unknown>,
  files: Map<string, InputMedia>,
): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(input).sort())
    copy[key] = files.get(key)?.fingerprint ?? input[key];
  return copy;
}
