import type { MediaKind } from "../options.js";
import { Prng } from "../prng.js";
import type { CatalogModel } from "./catalog-model.js";
import { schemaFor, type Family } from "./synthetic-schemas.js";

const VENDORS = [
  "flux",
  "aurora",
  "lumen",
  "pixel",
  "nova",
  "vertex",
  "prism",
  "echo",
  "atlas",
  "zephyr",
  "kite",
  "onyx",
];
const TIERS = ["pro", "max", "lite", "turbo", "ultra", "fast", "hd", ""];

// Weighted so a scale catalog looks like the real one: mostly image, then video, audio, text.
const FAMILIES: readonly { family: Family; weight: number; noun: string }[] = [
  { family: "text-to-image", weight: 30, noun: "image" },
  { family: "image-edit", weight: 12, noun: "edit" },
  { family: "upscale", weight: 6, noun: "upscale" },
  { family: "text-to-video", weight: 16, noun: "video" },
  { family: "image-to-video", weight: 10, noun: "image-to-video" },
  { family: "tts", weight: 8, noun: "tts" },
  { family: "music", weight: 6, noun: "music" },
  { family: "llm", weight: 8, noun: "chat" },
  { family: "caption", weight: 4, noun: "caption" },
];

const KIND_OF: Record<Family, MediaKind> = {
  "text-to-image": "image",
  "image-edit": "image",
  upscale: "image",
  "text-to-video": "video",
  "image-to-video": "video",
  tts: "audio",
  music: "audio",
  llm: "text",
  caption: "text",
};

/**
 * A deterministic catalog of `count` models for scale tests: realistic slugs and
 * titles, and schemas with the mess real catalogs have (string defaults,
 * allOf-wrapped enums behind $ref, booleans spelled "False").
 */
export function synthesizeCatalog(count: number): {
  models: CatalogModel[];
  kinds: Map<string, MediaKind>;
} {
  const random = new Prng(20261125);
  const totalWeight = FAMILIES.reduce((sum, entry) => sum + entry.weight, 0);
  const models: CatalogModel[] = [];
  const kinds = new Map<string, MediaKind>();
  const used = new Set<string>();
  for (let index = 0; index < count; index += 1) {
    let roll = random.next() * totalWeight;
    const chosen = FAMILIES.find((entry) => (roll -= entry.weight) < 0) ?? FAMILIES[0];
    if (chosen === undefined) break;
    const vendor = random.pick(VENDORS);
    const tier = random.pick(TIERS);
    const version = `v${random.int(1, 4)}-${random.int(0, 9)}`;
    const base = [vendor, chosen.noun, version, tier].filter((part) => part !== "").join("-");
    let slug = base;
    for (let suffix = 2; used.has(slug); suffix += 1) slug = `${base}-${suffix}`;
    used.add(slug);
    const title = slug
      .split("-")
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join(" ");
    const isText = KIND_OF[chosen.family] === "text";
    models.push({
      title,
      slug,
      version: "1.0.0",
      output_type: isText
        ? random.pick(["string", "object"])
        : chosen.family === "text-to-image"
          ? "array"
          : "string",
      request_schema: schemaFor(chosen.family, slug, random),
    });
    kinds.set(slug, KIND_OF[chosen.family]);
  }
  return { models, kinds };
}
