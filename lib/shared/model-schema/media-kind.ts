// Which fields take a file (shown as a drop zone) and of what kind (for the picker's accept list
// and the preview). Model schemas rarely say so outright: `format: "uri"` helps, the name
// (`image_url`, `mask`, `start_image`, `audio_urls`) and the description do the rest.
import type { JsonSchema } from "@/lib/shared/catalog-types";
import type { UploadKind } from "./limits";
import { isSchema, stringOf, typeOf } from "./schema-access";

const KIND_WORDS: Record<Exclude<UploadKind, "file">, readonly string[]> = {
  image: [
    "image",
    "img",
    "mask",
    "face",
    "photo",
    "picture",
    "frame",
    "portrait",
    "selfie",
    "sketch",
    "logo",
    "thumbnail",
  ],
  video: ["video", "clip", "footage", "movie"],
  audio: ["audio", "sound", "music", "song", "voice", "speech", "vocal", "vocals", "melody"],
};

/** A name ending in one of these is a link to a file whatever else it says. */
const LINK_ENDINGS = new Set(["url", "urls", "uri", "uris", "file", "files"]);

/** Names that sound like files but are settings, never uploads. */
const NOT_FILES = new Set(["webhook", "callback"]);

/** Whole names that are a file on their own without `format: "uri"` ("voice" is a voice id). */
const FILE_ALONE = new Set([
  "image",
  "images",
  "mask",
  "face",
  "video",
  "videos",
  "audio",
  "photo",
]);

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function singular(word: string): string {
  return word.length > 3 && word.endsWith("s") ? word.slice(0, -1) : word;
}

function kindOfWord(word: string): UploadKind | null {
  const w = singular(word);
  for (const [kind, list] of Object.entries(KIND_WORDS) as [UploadKind, readonly string[]][]) {
    if (list.includes(w) || list.includes(word)) return kind;
  }
  return null;
}

function kindFromDescription(description: string | undefined): UploadKind | null {
  if (!description) return null;
  const text = description.toLowerCase();
  if (/\b(jpe?g|png|webp|gif|image)\b/.test(text)) return "image";
  if (/\b(mp4|webm|mov|video)\b/.test(text)) return "video";
  if (/\b(mp3|wav|m4a|ogg|audio)\b/.test(text)) return "audio";
  return null;
}

/** The string schema a file lives in: the field itself, or the items of an array field. */
function fileCarrier(schema: JsonSchema): JsonSchema | null {
  const type = typeOf(schema);
  if (type === "array") return isSchema(schema.items) ? fileCarrier(schema.items) : null;
  if (type !== undefined && type !== "string") return null;
  if (Array.isArray(schema.enum) || "const" in schema) return null;
  return schema;
}

/**
 * "image" | "video" | "audio" when the field takes that kind of file, "file" when it takes a
 * file of no known kind, null when it is not a file field at all.
 */
export function mediaKindOfField(name: string, schema: JsonSchema): UploadKind | null {
  const carrier = fileCarrier(schema);
  if (!carrier) return null;
  const parts = words(name);
  if (parts.some((part) => NOT_FILES.has(part))) return null;
  const last = parts.at(-1) ?? "";
  const isUri =
    carrier.format === "uri" || carrier.format === "uri-reference" || carrier.format === "data-url";
  const namedKind = parts.map(kindOfWord).find((kind) => kind !== null) ?? null;
  const describedKind = kindFromDescription(
    stringOf(carrier.description) ?? stringOf(schema.description),
  );
  const lastKind = kindOfWord(last);

  // "mask_prompt", "image_size": a media word that is not the last word describes something else.
  if (LINK_ENDINGS.has(last)) return namedKind ?? describedKind ?? "file";
  if (lastKind && (isUri || FILE_ALONE.has(name.toLowerCase()) || parts.length > 1)) {
    // "start_image", "reference_images", "input_audio": the field is the media itself.
    return lastKind;
  }
  if (isUri) return namedKind ?? describedKind ?? "file";
  return null;
}
