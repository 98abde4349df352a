// What a field is for, read from its name and schema: drives the widget and whether the
// field stays visible or folds into "Advanced".
import type { JsonSchema } from "@/lib/shared/catalog-types";
import { mediaKindOfField } from "./media-kind";
import { numberOf, stringOf, typeOf } from "./schema-access";

const PROMPT_NAMES = new Set([
  "prompt",
  "negative_prompt",
  "text",
  "lyrics",
  "system_prompt",
  "caption",
]);

/** Above this, a plain string is long-form text and gets a textarea. */
const LONG_TEXT_MIN = 200;

/** Fields people change on most runs: they stay out of the "Advanced" fold. */
const EVERYDAY_NAMES = new Set(["aspect_ratio", "num_outputs", "num_images", "duration", "seed"]);

export function isPromptLike(name: string, schema: JsonSchema): boolean {
  if (typeOf(schema) !== "string" || Array.isArray(schema.enum)) return false;
  if (schema.format !== undefined) return false;
  const key = name.toLowerCase();
  if (PROMPT_NAMES.has(key) || key.endsWith("_prompt")) return true;
  if ((numberOf(schema.maxLength) ?? 0) > LONG_TEXT_MIN) return true;
  return /\bprompt\b/i.test(stringOf(schema.description) ?? "");
}

export function isSeedField(name: string, schema: JsonSchema): boolean {
  const type = typeOf(schema);
  if (type !== "integer" && type !== "number") return false;
  const key = name.toLowerCase();
  return key === "seed" || key.endsWith("_seed");
}

/** Both bounds set and a range a slider can show (not 0…2³²). */
export function isBoundedNumber(schema: JsonSchema): boolean {
  const type = typeOf(schema);
  if (type !== "integer" && type !== "number") return false;
  const min = numberOf(schema.minimum);
  const max = numberOf(schema.maximum);
  return min !== undefined && max !== undefined && max > min && max - min <= 100_000;
}

/** Fields that stay visible however many optional fields a model has. */
export function isEverydayField(name: string, schema: JsonSchema): boolean {
  return (
    EVERYDAY_NAMES.has(name.toLowerCase()) ||
    isPromptLike(name, schema) ||
    isSeedField(name, schema) ||
    mediaKindOfField(name, schema) !== null
  );
}

const RATIO = /^\d+(\.\d+)?:\d+(\.\d+)?$/;

/** "16:9", "9:16"…: options a segmented control shows as little frames. */
export function isAspectRatioList(values: readonly unknown[]): boolean {
  const ratios = values.filter((value) => typeof value === "string" && RATIO.test(value));
  return ratios.length > 0 && ratios.length >= values.length / 2;
}
