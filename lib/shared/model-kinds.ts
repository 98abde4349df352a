// What a model makes and takes, inferred from what `GET /v1/models` does send: slug, title,
// the schema's description and its input fields. The API has no "kind" field and
// `output_type` only says "string" or "array", so these are heuristics, ordered from the
// most to the least reliable signal. Browser-safe and pure.
import type { CatalogModel, JsonSchema, MediaKind, UpstreamModel } from "./catalog-types";

/** Canonical order (inputs read naturally as "text, image, …"); also the `takes` order. */
export const MEDIA_KINDS: readonly MediaKind[] = ["text", "image", "video", "audio"];

export const MEDIA_KIND_LABELS: Record<MediaKind, string> = {
  text: "Text",
  image: "Image",
  video: "Video",
  audio: "Audio",
};

export type ModelKinds = { makes: MediaKind; takes: MediaKind[] };

/** "Kling 2.1 Image_to_Video" → "kling-2-1-image-to-video": one set of patterns reads slugs,
 *  titles and prose alike, with "-" as the only word boundary. */
function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Matches whole words (or word runs such as "bg-remover") of a normalized string. */
function words(alternatives: string): RegExp {
  return new RegExp(`(?:^|-)(?:${alternatives})(?=-|$)`);
}

const KIND_WORDS: Record<string, MediaKind> = {
  text: "text",
  txt: "text",
  image: "image",
  images: "image",
  img: "image",
  photo: "image",
  picture: "image",
  video: "video",
  videos: "video",
  vid: "video",
  audio: "audio",
  speech: "audio",
  voice: "audio",
  music: "audio",
  sound: "audio",
  song: "audio",
  sfx: "audio",
};
const KIND_WORD = Object.keys(KIND_WORDS).join("|");
const SHORT_KINDS: Record<string, MediaKind> = { t: "text", i: "image", v: "video", a: "audio" };

/** "image-to-video", "img2img", "text2image", "i2v", "tts": the surest signal there is. */
const CONVERSION = new RegExp(`(?:^|-)(${KIND_WORD})-?(?:to|2)-?(${KIND_WORD}|3d)(?=-|$)`);
const SHORT_CONVERSION = /(?:^|-)([tiva])2([tiva])(?=-|$)/;
const ACRONYMS: [RegExp, MediaKind, MediaKind][] = [
  [words("tts"), "text", "audio"],
  [words("stt|asr"), "audio", "text"],
];

type Conversion = { from: MediaKind; to: MediaKind | null };

function findConversion(text: string): Conversion | null {
  const long = CONVERSION.exec(text);
  if (long?.[1] && long[2]) {
    return { from: KIND_WORDS[long[1]] ?? "text", to: KIND_WORDS[long[2]] ?? null };
  }
  const short = SHORT_CONVERSION.exec(text);
  const from = short?.[1] ? SHORT_KINDS[short[1]] : undefined;
  const to = short?.[2] ? SHORT_KINDS[short[2]] : undefined;
  if (from && to) return { from, to };
  for (const [pattern, accepts, produces] of ACRONYMS) {
    if (pattern.test(text)) return { from: accepts, to: produces };
  }
  return null;
}

// Task words say what comes out. Checked in this order because a name can hold several:
// "video-upscaler" makes video, "image-captioning" makes text, "music-video" makes video.
const TASK_WORDS: [MediaKind, RegExp][] = [
  [
    "text",
    words("llm|chat|caption[a-z]*|transcri[a-z]*|whisper|ocr|vlm|json|summar[a-z]*|text-gen[a-z]*"),
  ],
  ["video", words("[a-z0-9]*video[a-z0-9]*|lip-?sync|animat[a-z]*|i2v|t2v|v2v")],
  [
    "audio",
    words("tts|speech|music[a-z]*|songs?|sfx|sound[a-z]*|audio[a-z0-9]*|voice[a-z]*|singing|foley"),
  ],
  [
    "image",
    words(
      "upscal[a-z]*|edit[a-z]*|bg-remov[a-z]*|background-remov[a-z]*|remove-bg|rembg|face-?swap|inpaint[a-z]*|outpaint[a-z]*|fill|restor[a-z]*|coloriz[a-z]*|relight|retouch[a-z]*|try-?on|image[a-z0-9]*|img|photo[a-z]*",
    ),
  ],
];

// Model families that only make one kind. Kling is left out on purpose: it makes images,
// videos and face swaps, so its name proves nothing.
const FAMILY_WORDS: [MediaKind, RegExp][] = [
  ["video", words("veo[0-9]*|sora[0-9]*|wan|pixverse|hailuo|seedance|vidu|ltx[a-z0-9]*|mochi")],
  ["audio", words("elevenlabs|mureka|suno|udio|lyria")],
  [
    "image",
    words(
      "flux|imagen[0-9]*|sdxl|sd[0-9]+|stable-diffusion|seedream|ideogram|recraft|dall-?e[0-9]*|midjourney|kontext|nano-banana|hidream",
    ),
  ],
  ["text", words("gpt[0-9]*|claude|llama[0-9]*|mistral|qwen[0-9]*")],
];

function firstRuleMatch(text: string, rules: [MediaKind, RegExp][]): MediaKind | null {
  for (const [kind, pattern] of rules) if (pattern.test(text)) return kind;
  return null;
}

/** Prose names many kinds ("video with synchronized audio"): the first one named wins. */
function earliestMention(text: string): MediaKind | null {
  let best: { kind: MediaKind; at: number } | null = null;
  for (const [kind, pattern] of [...TASK_WORDS, ...FAMILY_WORDS]) {
    const at = pattern.exec(text)?.index;
    if (at !== undefined && (!best || at < best.at)) best = { kind, at };
  }
  return best?.kind ?? null;
}

type Field = { name: string; schema: JsonSchema };

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The input fields; a lone `input` object (a shape some models use) is looked into. */
function fieldsOf(schema: JsonSchema): Field[] {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const input = properties.input;
  if (Object.keys(properties).length === 1 && isSchema(input) && isSchema(input.properties)) {
    return fieldsOf(input);
  }
  return Object.entries(properties).flatMap(([name, value]) =>
    isSchema(value) ? [{ name, schema: value }] : [],
  );
}

function tokensOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const FILE_FORMATS = new Set(["uri", "url", "binary", "data-url", "file"]);
const FILE_TOKENS = new Set(["url", "urls", "uri", "file", "files", "path", "base64"]);
const NOT_MEDIA_TOKENS = new Set(["lora", "loras", "webhook", "callback", "weights", "checkpoint"]);
const IMAGE_TOKENS = new Set([
  "image",
  "images",
  "img",
  "photo",
  "picture",
  "mask",
  "face",
  "frame",
]);
const VIDEO_TOKENS = new Set(["video", "videos", "clip", "footage"]);
const AUDIO_TOKENS = new Set(["audio", "voice", "speech", "music", "song", "sound", "wav", "mp3"]);
/** Names that are the medium itself; `voice` is not one (on a TTS model it picks a voice). */
const BARE_MEDIA_NAMES = new Set(["image", "images", "mask", "face", "video", "videos", "audio"]);
const TEXT_TOKENS = new Set([
  "prompt",
  "text",
  "lyrics",
  "script",
  "message",
  "messages",
  "instruction",
  "instructions",
  "question",
  "query",
]);

function looksLikeFile(field: Field, tokens: string[]): boolean {
  const { schema } = field;
  const items = isSchema(schema.items) ? schema.items : {};
  const format = schema.format ?? items.format;
  if (typeof format === "string" && FILE_FORMATS.has(format)) return true;
  if (tokens.some((token) => FILE_TOKENS.has(token))) return true;
  const type = schema.type ?? "string";
  return BARE_MEDIA_NAMES.has(field.name.toLowerCase()) && (type === "string" || type === "array");
}

/** What one input field takes; "file" is a file whose name does not say which kind. */
function fieldKind(field: Field): MediaKind | "file" | null {
  const tokens = tokensOf(field.name);
  if (tokens.some((token) => NOT_MEDIA_TOKENS.has(token))) return null;
  if (looksLikeFile(field, tokens)) {
    if (tokens.some((token) => VIDEO_TOKENS.has(token))) return "video";
    if (tokens.some((token) => AUDIO_TOKENS.has(token))) return "audio";
    if (tokens.some((token) => IMAGE_TOKENS.has(token))) return "image";
    return "file";
  }
  // Free text only: an enum (a style, a voice id) is a setting, not something the model reads.
  const { type = "string" } = field.schema;
  const freeText = (type === "string" || type === "array") && !Array.isArray(field.schema.enum);
  if (freeText && !tokens.includes("negative") && tokens.some((token) => TEXT_TOKENS.has(token))) {
    return "text";
  }
  return null;
}

/** Settings only one kind of output has: a last hint when names and prose say nothing. */
function makesFromSettings(fields: Field[]): MediaKind | null {
  const names = new Set(fields.map((field) => field.name.toLowerCase()));
  const has = (...candidates: string[]) => candidates.some((name) => names.has(name));
  if (has("voice", "voice_id", "lyrics", "speaker")) return "audio";
  if (has("fps", "num_frames", "frames") || (has("duration") && has("aspect_ratio")))
    return "video";
  if (has("max_tokens", "temperature", "messages", "system_prompt", "top_p")) return "text";
  if (has("num_images", "guidance_scale", "aspect_ratio", "width")) return "image";
  return null;
}

function describedBy(model: UpstreamModel): string {
  const { description } = model.request_schema ?? {};
  return typeof description === "string" ? description.trim() : "";
}

export function inferModelKinds(model: UpstreamModel): ModelKinds {
  const slug = normalize(model.slug ?? "");
  const title = normalize(model.title ?? "");
  const description = normalize(describedBy(model));
  const schema = isSchema(model.request_schema) ? model.request_schema : {};
  const fields = fieldsOf(schema);
  const fieldKinds = fields.map(fieldKind);
  const conversion = findConversion(slug) ?? findConversion(title);
  const outputType = normalize(model.output_type ?? "").split("-")[0] ?? "";
  const firstMediaInput = fieldKinds.find(
    (kind): kind is MediaKind => kind === "image" || kind === "video" || kind === "audio",
  );

  const makes: MediaKind =
    (MEDIA_KINDS.includes(outputType as MediaKind) ? (outputType as MediaKind) : null) ??
    conversion?.to ??
    firstRuleMatch(slug, TASK_WORDS) ??
    firstRuleMatch(title, TASK_WORDS) ??
    firstRuleMatch(slug, FAMILY_WORDS) ??
    firstRuleMatch(title, FAMILY_WORDS) ??
    findConversion(description)?.to ??
    earliestMention(description) ??
    makesFromSettings(fields) ??
    // An input file and nothing else to go on: most such models edit that same medium.
    firstMediaInput ??
    "image";

  const takes = new Set<MediaKind>();
  if (conversion) takes.add(conversion.from);
  for (const kind of fieldKinds) {
    if (kind === "file") {
      if (makes !== "text") takes.add(makes);
    } else if (kind) {
      takes.add(kind);
    }
  }
  // No schema at all (upstream data is messy): most models are prompted.
  if (takes.size === 0 && fields.length === 0) takes.add("text");
  return { makes, takes: MEDIA_KINDS.filter((kind) => takes.has(kind)) };
}

export function toCatalogModel(model: UpstreamModel): CatalogModel {
  const { makes, takes } = inferModelKinds(model);
  return {
    slug: model.slug,
    title: model.title?.trim() || model.slug,
    version: model.version,
    description: describedBy(model),
    outputType: model.output_type,
    makes,
    takes,
  };
}
