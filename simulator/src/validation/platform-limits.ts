import type { FieldProblem } from "./validate-input.js";

/** From the reference's "Input Validation Limits" table. */
export const MAX_PROMPT_CHARS = 10_000;
export const MAX_IMAGES_PER_REQUEST = 4;

const PROMPT_FIELD = /prompt|^text$|^lyrics$/i;
const IMAGE_FIELD = /image|img|photo|face|mask/i;

/**
 * Platform-wide limits that apply whatever a model's schema says. They are
 * answered with 422 (the reference's "Unprocessable"), schema problems with 400,
 * so a client can tell "your form is wrong" from "the platform refuses this".
 */
export function checkPlatformLimits(input: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  let imageCount = 0;
  let imageField: string | undefined;
  for (const [field, value] of Object.entries(input)) {
    if (PROMPT_FIELD.test(field) && typeof value === "string" && value.length > MAX_PROMPT_CHARS) {
      problems.push({
        field,
        message: `must be at most ${MAX_PROMPT_CHARS.toLocaleString("en-US")} characters (got ${value.length.toLocaleString("en-US")})`,
      });
    }
    if (IMAGE_FIELD.test(field)) {
      const count = Array.isArray(value)
        ? value.filter((item) => typeof item === "string" && item !== "").length
        : typeof value === "string" && value !== ""
          ? 1
          : 0;
      imageCount += count;
      if (count > 0 && (imageField === undefined || Array.isArray(value))) imageField = field;
    }
  }
  if (imageCount > MAX_IMAGES_PER_REQUEST) {
    problems.push({
      field: imageField ?? "images",
      message: `has ${imageCount} images; maximum ${MAX_IMAGES_PER_REQUEST} images allowed per request`,
    });
  }
  return problems;
}
