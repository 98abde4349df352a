import type { Prng } from "../prng.js";
import type { JsonSchema } from "./catalog-model.js";

export type Family =
  | "text-to-image"
  | "image-edit"
  | "upscale"
  | "text-to-video"
  | "image-to-video"
  | "tts"
  | "music"
  | "llm"
  | "caption";

const ASPECTS = ["1:1", "16:9", "9:16", "4:3", "3:4", "3:2", "2:3"];

type Properties = Record<string, JsonSchema>;

/** Builds a request_schema; about half the enums are Cog-style `allOf: [{$ref}]` with string defaults. */
export function schemaFor(family: Family, slug: string, random: Prng): JsonSchema {
  const messy = random.chance(0.5);
  const definitions: Record<string, JsonSchema> = {};
  const properties: Properties = {};
  const required: string[] = [];

  const enumField = (name: string, values: readonly string[], fallback: string): JsonSchema => {
    if (!messy) return { type: "string", enum: [...values], default: fallback };
    definitions[name] = {
      title: name,
      type: "string",
      enum: [...values],
      description: "An enumeration.",
    };
    return { allOf: [{ $ref: `#/definitions/${name}` }], default: fallback };
  };
  // Real catalogs often spell numeric and boolean defaults as strings ("1", "False").
  const numberDefault = (value: number): number | string => (messy ? String(value) : value);
  const booleanDefault = (value: boolean): boolean | string =>
    messy ? (value ? "True" : "False") : value;
  const prompt = (description: string): JsonSchema => ({
    type: "string",
    description,
    maxLength: 10000,
  });
  const uri = (description: string): JsonSchema => ({ type: "string", format: "uri", description });
  const seed: JsonSchema = { type: "integer", description: "Reproducibility seed" };

  switch (family) {
    case "text-to-image":
      properties.prompt = prompt("Image description");
      properties.aspect_ratio = enumField("aspect_ratio", ASPECTS, "1:1");
      properties.num_outputs = {
        type: "integer",
        minimum: 1,
        maximum: 4,
        default: numberDefault(1),
      };
      properties.guidance_scale = {
        type: "number",
        minimum: 0,
        maximum: 20,
        default: numberDefault(3.5),
      };
      properties.output_format = enumField("output_format", ["png", "webp", "jpg"], "png");
      properties.disable_safety_checker = { type: "boolean", default: booleanDefault(false) };
      properties.seed = seed;
      required.push("prompt");
      break;
    case "image-edit":
      properties.image_url = uri("Image to edit");
      properties.prompt = prompt("Editing instruction");
      properties.strength = { type: "number", minimum: 0, maximum: 1, default: numberDefault(0.8) };
      properties.seed = seed;
      required.push("image_url", "prompt");
      break;
    case "upscale":
      properties.image_url = uri("Image to upscale");
      properties.scale = { type: "integer", enum: [2, 4], default: numberDefault(2) };
      properties.face_enhance = { type: "boolean", default: booleanDefault(false) };
      required.push("image_url");
      break;
    case "text-to-video":
      properties.prompt = prompt("Video description");
      properties.negative_prompt = { type: "string", description: "What to avoid" };
      properties.duration = { type: "integer", minimum: 2, maximum: 15, default: numberDefault(5) };
      properties.aspect_ratio = enumField("aspect_ratio", ["16:9", "9:16", "1:1"], "16:9");
      properties.seed = seed;
      required.push("prompt");
      break;
    case "image-to-video":
      properties.image_url = uri("Source image URL");
      properties.prompt = { type: "string", description: "Motion description", maxLength: 10000 };
      properties.duration = enumField("duration", ["5", "10"], "5");
      properties.seed = seed;
      required.push("image_url");
      break;
    case "tts":
      properties.text = prompt("Text to convert to speech");
      properties.voice = enumField("voice", ["rachel", "adam", "bella", "josh"], "rachel");
      properties.speed = { type: "number", minimum: 0.5, maximum: 2, default: numberDefault(1) };
      required.push("text");
      break;
    case "music":
      properties.prompt = prompt("Music description");
      properties.duration = {
        type: "number",
        minimum: 1,
        maximum: 180,
        default: numberDefault(30),
      };
      properties.instrumental = { type: "boolean", default: booleanDefault(true) };
      properties.seed = seed;
      required.push("prompt");
      break;
    case "llm":
      properties.prompt = prompt("User message");
      properties.system_prompt = { type: "string", default: "You are a helpful assistant." };
      properties.max_tokens = {
        type: "integer",
        minimum: 1,
        maximum: 8192,
        default: numberDefault(512),
      };
      properties.temperature = {
        type: "number",
        minimum: 0,
        maximum: 2,
        default: numberDefault(0.7),
      };
      required.push("prompt");
      break;
    case "caption":
      properties.image_url = uri("Image to describe");
      properties.detail = enumField("detail", ["short", "detailed"], "short");
      required.push("image_url");
      break;
  }

  Object.values(properties).forEach((property, order) => {
    property["x-order"] = order;
  });
  const schema: JsonSchema = { type: "object", title: slug, properties, required };
  if (Object.keys(definitions).length > 0) schema.definitions = definitions;
  return schema;
}
