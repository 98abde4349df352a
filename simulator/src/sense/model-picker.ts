import type { Catalog } from "../catalog/catalog.js";
import type { CatalogModel } from "../catalog/catalog-model.js";
import type { MediaKind } from "../options.js";
import { AgentError } from "./agent-error.js";
import type { ActionTask, EditTask, GenerateTask, Mode } from "./task.js";

/** A model run the agent decided on. */
export interface ModelCall {
  model: CatalogModel;
  kind: MediaKind;
  input: Record<string, unknown>;
  /** "image", "5-second video", "voiceover"... for status lines and answers. */
  label: string;
  /** Why this model, for the thinking stream. */
  reason: string;
  /** What search_models was asked. */
  useCase: string;
}

// The reference's quality modes: max = premium (flux-2-max, veo-3...), eco = fast
// and cheap (flux-2-pro, veo3-1-fast...). Audio has no documented split; see the README.
const PICKS = {
  image: { max: "flux-2-max", eco: "flux-2-pro" },
  lettering: { max: "flux-kontext-pro", eco: "flux-kontext-pro" },
  imageNsfw: { max: "seedream-v4-5", eco: "seedream-v4-5" },
  video: { max: "veo-3", eco: "veo3-1-fast" },
  videoNsfw: { max: "wan-v2-6-text-to-video", eco: "wan-v2-6-text-to-video" },
  animate: { max: "kling-2-1-image-to-video", eco: "wan-v2-6-image-to-video" },
  animateNsfw: { max: "wan-v2-6-image-to-video", eco: "wan-v2-6-image-to-video" },
  speech: { max: "elevenlabs-tts", eco: "elevenlabs-tts" },
  song: { max: "mureka-generate-music", eco: "mureka-generate-music" },
  music: { max: "mureka-generate-music", eco: "stable-audio-2-5" },
  sfx: { max: "stable-audio-2-5", eco: "stable-audio-2-5" },
  edit: { max: "flux-2-edit", eco: "flux-2-edit" },
  "remove-background": { max: "eachlabs-bg-remover-v1", eco: "eachlabs-bg-remover-v1" },
  upscale: { max: "topaz-upscale-image", eco: "topaz-upscale-image" },
  "face-swap": { max: "kling-face-swap", eco: "kling-face-swap" },
} as const satisfies Record<string, Record<Mode, string>>;

/** ElevenLabs' fast, cheap variant for eco mode; max keeps the default multilingual voice model. */
const ECO_TTS_MODEL = "eleven_flash_v2_5";

export function pickCall(
  catalog: Catalog,
  task: ActionTask,
  mode: Mode,
  safety: boolean,
): ModelCall {
  return task.type === "generate"
    ? pickGenerate(catalog, task, mode, safety)
    : pickEdit(catalog, task, mode, safety);
}

function pickGenerate(
  catalog: Catalog,
  task: GenerateTask,
  mode: Mode,
  safety: boolean,
): ModelCall {
  const unsafe = task.nsfw && !safety;
  const noSafety = unsafe ? { enable_safety_checker: false } : {};
  switch (task.kind) {
    case "image": {
      const pick = unsafe ? PICKS.imageNsfw : task.lettering ? PICKS.lettering : PICKS.image;
      const model = resolve(catalog, task.slug ?? pick[mode], "image");
      return {
        model,
        kind: "image",
        input: fit(model, {
          prompt: task.prompt,
          aspect_ratio: task.aspect,
          num_outputs: task.count,
          seed: task.seed,
          ...noSafety,
        }),
        label: task.count !== null && task.count > 1 ? `${task.count} images` : "image",
        reason: unsafe
          ? `${model.slug} supports disabling the safety checker.`
          : task.lettering
            ? `${model.slug} is best for text and logos.`
            : `${model.slug} fits ${mode} mode.`,
        useCase: `${task.lettering ? "typography " : ""}image generation: ${task.prompt}`,
      };
    }
    case "video": {
      const pick = unsafe ? PICKS.videoNsfw : PICKS.video;
      const model = resolve(catalog, task.slug ?? pick[mode], "video");
      const input = fit(model, {
        prompt: task.prompt,
        duration: task.duration,
        aspect_ratio: task.aspect,
        seed: task.seed,
        ...noSafety,
      });
      return {
        model,
        kind: "video",
        input,
        label: `${Number(input.duration ?? 5)}-second video`,
        reason: `${model.slug} fits ${mode} mode${model.slug === "veo-3" ? " and adds synchronized audio" : ""}.`,
        useCase: `text to video: ${task.prompt}`,
      };
    }
    case "speech": {
      const model = resolve(catalog, task.slug ?? PICKS.speech[mode], "audio");
      return {
        model,
        kind: "audio",
        input: fit(model, {
          text: task.speech ?? task.prompt,
          voice: task.voice ?? "rachel",
          model_id: mode === "eco" ? ECO_TTS_MODEL : null,
        }),
        label: "voiceover",
        reason: `${model.slug} reads text naturally${mode === "eco" ? `; ${ECO_TTS_MODEL} is its fast, cheap variant` : ""}.`,
        useCase: "text to speech",
      };
    }
    case "music": {
      const pick = task.vocals ? PICKS.song : PICKS.music;
      const model = resolve(catalog, task.slug ?? pick[mode], "audio");
      const lyrics = task.vocals ? lyricsFor(task.prompt) : null;
      return {
        model,
        kind: "audio",
        input: fit(model, {
          prompt: task.prompt,
          duration: task.duration,
          lyrics,
          seed: task.seed,
        }),
        label: task.vocals ? "song" : "music track",
        reason:
          model.slug === "stable-audio-2-5"
            ? "stable-audio-2-5 makes short instrumental loops quickly and cheaply, which fits eco mode."
            : `${model.slug} writes full songs${task.vocals ? " with vocals" : ""}.`,
        useCase: `music generation: ${task.prompt}`,
      };
    }
    case "sfx": {
      const model = resolve(catalog, task.slug ?? PICKS.sfx[mode], "audio");
      return {
        model,
        kind: "audio",
        input: fit(model, { prompt: task.prompt, duration: task.duration, seed: task.seed }),
        label: "sound effect",
        reason: `${model.slug} is made for sound effects and short audio.`,
        useCase: `sound effect: ${task.prompt}`,
      };
    }
  }
}

function pickEdit(catalog: Catalog, task: EditTask, mode: Mode, safety: boolean): ModelCall {
  const unsafe = task.nsfw && !safety;
  switch (task.op) {
    case "remove-background": {
      const model = resolve(catalog, task.slug ?? PICKS["remove-background"][mode], "image");
      return {
        model,
        kind: "image",
        input: fit(model, { image_url: task.image }),
        label: "image without its background",
        reason: `${model.slug} removes backgrounds fast and returns a transparent PNG.`,
        useCase: "background removal",
      };
    }
    case "upscale": {
      const model = resolve(catalog, task.slug ?? PICKS.upscale[mode], "image");
      return {
        model,
        kind: "image",
        input: fit(model, { image_url: task.image, scale: task.scale }),
        label: `${task.scale}× upscaled image`,
        reason: `${model.slug} upscales while keeping detail.`,
        useCase: "image upscaling",
      };
    }
    case "animate": {
      const pick = unsafe ? PICKS.animateNsfw : PICKS.animate;
      const model = resolve(catalog, task.slug ?? pick[mode], "video");
      const input = fit(model, {
        image_url: task.image,
        prompt: task.prompt === "" ? null : task.prompt,
        duration: task.duration,
        seed: task.seed,
        ...(unsafe ? { enable_safety_checker: false } : {}),
      });
      return {
        model,
        kind: "video",
        input,
        label: `${Number(input.duration ?? 5)}-second video`,
        reason: `${model.slug} animates a still image${mode === "eco" ? " cheaply" : " with coherent motion"}.`,
        useCase: "image to video",
      };
    }
    case "face-swap": {
      const model = resolve(catalog, task.slug ?? PICKS["face-swap"][mode], "image");
      return {
        model,
        kind: "image",
        input: fit(model, { image_url: task.image, face_url: task.face, seed: task.seed }),
        label: "face-swapped image",
        reason: `${model.slug} swaps faces and keeps pose and expression.`,
        useCase: "face swap",
      };
    }
    case "edit": {
      const model = resolve(catalog, task.slug ?? PICKS.edit[mode], "image");
      return {
        model,
        kind: "image",
        input: fit(model, { image_url: task.image, prompt: task.prompt, seed: task.seed }),
        label: "edited image",
        reason: `${model.slug} follows editing instructions in plain language.`,
        useCase: `instruction-based image editing: ${task.prompt}`,
      };
    }
  }
}

/** The model by slug; in a catalog without it (synthesized ones), the first model of the same kind. */
export function resolve(catalog: Catalog, slug: string, kind: MediaKind): CatalogModel {
  const model =
    catalog.find(slug) ?? catalog.models.find((entry) => catalog.kindOf(entry) === kind);
  if (model === undefined)
    throw new AgentError("MODEL_NOT_FOUND", `Model not found: ${slug}`, undefined, {
      suggestion: "Load a catalog with this model (--catalog).",
    });
  return model;
}

/**
 * Keeps the fields the model's schema has (all of them when it declares none),
 * drops nulls, moves an aspect ratio the model does not offer to the nearest it
 * does, and clamps numbers to the schema's bounds.
 */
export function fit(model: CatalogModel, wanted: Record<string, unknown>): Record<string, unknown> {
  const properties = model.request_schema.properties;
  const declared =
    typeof properties === "object" && properties !== null
      ? (properties as Record<string, Record<string, unknown>>)
      : null;
  const input: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(wanted)) {
    if (value === null || value === undefined) continue;
    let target = field;
    if (declared !== null && !(field in declared)) {
      if (field === "prompt" && "text" in declared && !("text" in wanted)) target = "text";
      else if (field === "text" && "prompt" in declared && !("prompt" in wanted)) target = "prompt";
      else if (field === "enable_safety_checker") target = field;
      else continue;
    }
    input[target] = adjust(declared?.[target], value);
  }
  // A stand-in model (synthesized catalogs) may require fields the task does not name.
  const required = Array.isArray(model.request_schema.required)
    ? (model.request_schema.required as unknown[]).filter(
        (name): name is string => typeof name === "string",
      )
    : [];
  for (const name of required) {
    if (name in input) continue;
    const schema = declared?.[name] ?? {};
    const text = wanted.prompt ?? wanted.text;
    const image = wanted.image_url ?? wanted.face_url;
    if (/image|img|photo|url|file/i.test(name) || schema.format === "uri") {
      if (typeof image === "string") input[name] = image;
    } else if (/prompt|text|lyrics|description|query/i.test(name)) {
      input[name] =
        typeof text === "string" && text !== "" ? text : "Keep the subject, add gentle motion";
    } else if (Array.isArray(schema.enum) && schema.enum.length > 0) {
      input[name] = schema.enum[0];
    }
  }
  return input;
}

function adjust(schema: Record<string, unknown> | undefined, value: unknown): unknown {
  if (schema === undefined) return value;
  const options = Array.isArray(schema.enum) ? (schema.enum as unknown[]) : null;
  if (
    typeof value === "string" &&
    /^\d+:\d+$/.test(value) &&
    options !== null &&
    !options.includes(value)
  )
    return nearestRatio(
      value,
      options.filter((option): option is string => typeof option === "string"),
    );
  if (typeof value === "number") {
    let number = value;
    if (typeof schema.minimum === "number") number = Math.max(schema.minimum, number);
    if (typeof schema.maximum === "number") number = Math.min(schema.maximum, number);
    if (schema.type === "integer") number = Math.round(number);
    if (
      options !== null &&
      options.every((option) => typeof option === "number") &&
      !options.includes(number)
    ) {
      return (options as number[]).reduce((best, option) =>
        Math.abs(option - number) < Math.abs(best - number) ? option : best,
      );
    }
    return number;
  }
  return value;
}

function nearestRatio(wanted: string, options: string[]): string {
  const ratio = (text: string): number => {
    const [width = 1, height = 1] = text.split(":").map(Number);
    return width / height;
  };
  const target = Math.log(ratio(wanted));
  return options
    .filter((option) => /^\d+:\d+$/.test(option))
    .reduce(
      (best, option) =>
        Math.abs(Math.log(ratio(option)) - target) < Math.abs(Math.log(ratio(best)) - target)
          ? option
          : best,
      options[0] ?? wanted,
    );
}

function lyricsFor(prompt: string): string {
  const theme = prompt
    .replace(/^(?:a|an|the)\s+/i, "")
    .replace(/^(?:[\w-]+\s+)?(?:song|track|ballad|anthem|tune|lullaby)\s+(?:about|of|for)\s+/i, "")
    .toLowerCase();
  return `[Verse]\nUnder open skies we sing of ${theme}\n[Chorus]\nOh ${theme}, carry us home`;
}
