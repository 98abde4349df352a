// The platform's limits that JSON Schema does not express (or that models forget to declare):
// prompt length, images per request, media formats given as links. Run in the browser for
// instant feedback and on the server before any paid call.
import type { JsonSchema } from "@/lib/shared/catalog-types";
import { isPromptLike } from "./field-traits";
import { MAX_IMAGES_PER_REQUEST, MEDIA_LIMITS, PROMPT_MAX_CHARS, type UploadKind } from "./limits";
import { isHttpUrl } from "./links";
import { mediaKindOfField } from "./media-kind";
import { prepareSchema } from "./prepare-schema";
import { numberOf, propertiesOf } from "./schema-access";

const OTHER_MEDIA_EXTENSIONS = [
  ".bmp",
  ".tif",
  ".tiff",
  ".heic",
  ".heif",
  ".svg",
  ".avif",
  ".avi",
  ".mkv",
  ".m4v",
  ".wmv",
  ".flv",
  ".flac",
  ".aac",
  ".opus",
  ".wma",
  ".aiff",
];

function urlsOf(value: unknown): string[] {
  if (typeof value === "string") return value.trim() === "" ? [] : [value.trim()];
  if (Array.isArray(value)) return value.flatMap(urlsOf);
  return [];
}

function extensionOfUrl(url: string): string {
  try {
    const match = /\.[a-z0-9]+$/i.exec(new URL(url).pathname);
    return match ? match[0].toLowerCase() : "";
  } catch {
    return "";
  }
}

/** Why one link cannot go in a field of `kind`, or null. */
function checkLink(url: string, kind: UploadKind): string | null {
  if (!isHttpUrl(url)) return "Use a link that starts with https:// (or upload the file).";
  if (kind === "file") return null;
  const ext = extensionOfUrl(url);
  const known = [
    ...Object.values(MEDIA_LIMITS).flatMap((limit) => limit.extensions),
    ...OTHER_MEDIA_EXTENSIONS,
  ];
  if (ext && known.includes(ext) && !MEDIA_LIMITS[kind].extensions.includes(ext)) {
    return `This field takes a ${MEDIA_LIMITS[kind].formats} ${kind}; that link points to a ${ext.slice(1)} file.`;
  }
  return null;
}

/** Field name → message for each platform limit `input` breaks; empty when it is fine. */
export function validateLimits(
  schema: JsonSchema,
  input: Record<string, unknown>,
): Record<string, string> {
  const props = propertiesOf(prepareSchema(schema).schema);
  const errors: Record<string, string> = {};
  const imageFields: { name: string; count: number }[] = [];

  for (const [name, prop] of Object.entries(props)) {
    const value = input[name];
    if (typeof value === "string" && isPromptLike(name, prop)) {
      const limit = Math.min(numberOf(prop.maxLength) ?? PROMPT_MAX_CHARS, PROMPT_MAX_CHARS);
      if (value.length > limit) {
        errors[name] =
          `Keep this under ${limit.toLocaleString("en-US")} characters (it has ${value.length.toLocaleString("en-US")}).`;
      }
      continue;
    }
    const kind = mediaKindOfField(name, prop);
    if (!kind) continue;
    const urls = urlsOf(value);
    const bad = urls.map((url) => checkLink(url, kind)).find((message) => message !== null);
    if (bad) errors[name] = bad;
    if (kind === "image" && urls.length > 0) imageFields.push({ name, count: urls.length });
  }

  const totalImages = imageFields.reduce((sum, field) => sum + field.count, 0);
  if (totalImages > MAX_IMAGES_PER_REQUEST) {
    for (const { name } of imageFields) {
      errors[name] ??=
        `At most ${MAX_IMAGES_PER_REQUEST} images per request; this input has ${totalImages}. Remove some.`;
    }
  }
  return errors;
}
