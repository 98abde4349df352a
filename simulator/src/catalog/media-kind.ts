import type { MediaKind } from "../options.js";
import type { CatalogModel } from "./catalog-model.js";

const AUDIO = /\b(tts|speech|audio|music|sound|sfx|voice|song|sing|lyrics?|podcast|whisper)\b/;
const VIDEO =
  /\b(video|veo\d*|sora|pixverse|wan|kling|hailuo|seedance|runway|luma|t2v|i2v|animate|lipsync|motion)\b/;
const TEXT =
  /\b(llm|chat|gpt|caption|captioner|text|llama|qwen|mistral|claude|summar\w*|translat\w*|ocr|describe)\b/;
const IMAGE =
  /\b(image|img|photo|picture|imagen|flux|upscale\w*|edit|inpaint\w*|sdxl|diffusion|bg|background|face)\b/;

/**
 * Guesses what a model makes from its slug, title and description, for catalogs
 * without a media map. Order matters: "image-to-video" is video, "text-to-image"
 * is image, "text-to-speech" is audio.
 */
export function inferMediaKind(model: CatalogModel): MediaKind {
  const description =
    typeof model.request_schema.description === "string" ? model.request_schema.description : "";
  const words = `${model.slug} ${model.title}`.toLowerCase().replace(/[-_.]/g, " ");
  if (/\bvideo\b/.test(words)) return "video";
  if (AUDIO.test(words)) return "audio";
  if (/\bto image\b/.test(words) || IMAGE.test(words)) return "image";
  if (VIDEO.test(words)) return "video";
  if (TEXT.test(words)) return "text";
  const prose = description.toLowerCase();
  if (/\bvideo\b/.test(prose)) return "video";
  if (AUDIO.test(prose)) return "audio";
  if (model.output_type === "object") return "text";
  return "image";
}
