import type { Catalog } from "../catalog/catalog.js";
import {
  collapse,
  detectAspect,
  detectDuration,
  stripSenseMarkers,
  upscaleFactor,
} from "./intent.js";
import type { Mode } from "./task.js";
import type { WorkflowBody, WorkflowStep } from "./workflow-store.js";

/**
 * The workflow builder: a message such as "generate an image and then upscale
 * it" becomes a definition in the `POST /workflows` shape, model steps chained
 * with `{{inputs.x}}` and `{{step.primary}}` references.
 */

export type StepOp =
  | "image"
  | "video"
  | "animate"
  | "upscale"
  | "remove-background"
  | "edit"
  | "face-swap"
  | "speech"
  | "music"
  | "sfx";

interface PlannedStep {
  op: StepOp | "custom";
  /** A model chosen explicitly (or kept from an existing definition). */
  model?: string;
  aspect?: string | null;
  duration?: number | null;
  scale?: number;
  /** Steps the builder does not know (other models, choice, python...) are kept as they are. */
  custom?: WorkflowStep;
}

const MODELS: Record<StepOp, Record<Mode, string>> = {
  image: { max: "flux-2-max", eco: "flux-2-pro" },
  video: { max: "veo-3", eco: "veo3-1-fast" },
  animate: { max: "kling-2-1-image-to-video", eco: "wan-v2-6-image-to-video" },
  upscale: { max: "topaz-upscale-image", eco: "topaz-upscale-image" },
  "remove-background": { max: "eachlabs-bg-remover-v1", eco: "eachlabs-bg-remover-v1" },
  edit: { max: "flux-2-edit", eco: "flux-2-edit" },
  "face-swap": { max: "kling-face-swap", eco: "kling-face-swap" },
  speech: { max: "elevenlabs-tts", eco: "elevenlabs-tts" },
  music: { max: "mureka-generate-music", eco: "stable-audio-2-5" },
  sfx: { max: "stable-audio-2-5", eco: "stable-audio-2-5" },
};

const OP_OF_MODEL: Record<string, StepOp> = {
  "flux-2-max": "image",
  "flux-2-pro": "image",
  "flux-kontext-pro": "image",
  "nano-banana-pro": "image",
  "gemini-imagen-4": "image",
  "seedream-v4-5": "image",
  "kling-text-to-image": "image",
  "veo-3": "video",
  "veo3-1-fast": "video",
  "kling-3-0": "video",
  "wan-v2-6-text-to-video": "video",
  "pixverse-v4-1": "video",
  "sora-2-pro": "video",
  "kling-2-1-image-to-video": "animate",
  "wan-v2-6-image-to-video": "animate",
  "flux-2-edit": "edit",
  "eachlabs-bg-remover-v1": "remove-background",
  "topaz-upscale-image": "upscale",
  "kling-face-swap": "face-swap",
  "elevenlabs-tts": "speech",
  "mureka-generate-music": "music",
  "stable-audio-2-5": "sfx",
};

const STEP_IDS: Record<StepOp, string> = {
  image: "generate",
  video: "generate_video",
  animate: "animate",
  upscale: "upscale",
  "remove-background": "remove_background",
  edit: "edit",
  "face-swap": "face_swap",
  speech: "voiceover",
  music: "music",
  sfx: "sound_effect",
};

const NAMES: Record<StepOp, string> = {
  image: "Image generation",
  video: "Video generation",
  animate: "Animation",
  upscale: "Upscale",
  "remove-background": "Background removal",
  edit: "Edit",
  "face-swap": "Face swap",
  speech: "Voiceover",
  music: "Music",
  sfx: "Sound effects",
};

const PRODUCES_IMAGE: ReadonlySet<StepOp> = new Set([
  "image",
  "upscale",
  "remove-background",
  "edit",
  "face-swap",
]);

/** The steps a message describes, in order; empty when it describes none. */
export function parseSteps(message: string): StepOp[] {
  const text = stripSenseMarkers(message).replace(
    /^\s*(?:please\s+)?(?:can you\s+)?(?:create|build|make|set up|design|give me)\s+(?:me\s+)?(?:a|an|the)?\s*(?:new\s+)?(?:workflow|pipeline)\s*(?:that|which|to|for|where|:)?\s*/i,
    "",
  );
  const ops: StepOp[] = [];
  for (const clause of text.split(
    /\s*(?:,|;|→|->|\band then\b|\bthen\b|\bafter that\b|\bafterwards\b|\bfinally\b|\band\b)\s*/i,
  )) {
    const op = clauseOp(
      clause,
      ops.some((existing) => PRODUCES_IMAGE.has(existing)),
    );
    if (op !== null && ops.at(-1) !== op) ops.push(op);
  }
  return ops;
}

function clauseOp(clause: string, haveImage: boolean): StepOp | null {
  const text = clause.toLowerCase();
  if (text.trim() === "") return null;
  if (/\bface ?-?swap|\bswap (?:the |my )?faces?/.test(text)) return "face-swap";
  if (
    /\b(?:remov\w*|delet\w*|eras\w*|cut\w* out)\s+(?:the\s+|its\s+)?back-?ground|\bback-?ground remov/.test(
      text,
    )
  )
    return "remove-background";
  if (
    /\bupscal\w*|\bsuper-?resolution|\b(?:higher|increase\w*) (?:the )?resolution|\benhanc\w*/.test(
      text,
    )
  )
    return "upscale";
  if (
    /\banimat\w*|\bimage[- ]to[- ]video|\bbring\w* (?:it|them) to life|\bmak\w* (?:it|them) move/.test(
      text,
    )
  )
    return "animate";
  if (
    /\b(?:voice ?-?overs?|narrat\w*|text[- ]to[- ]speech|tts|speech|read\w* (?:it )?aloud)\b/.test(
      text,
    )
  )
    return "speech";
  if (/\b(?:music|songs?|soundtracks?|jingles?|melod\w*)\b/.test(text)) return "music";
  if (/\b(?:sound effects?|sfx|audio)\b/.test(text)) return "sfx";
  if (/\b(?:edit\w*|restyl\w*|chang\w*|recolou?r\w*|retouch\w*|style transfer)\b/.test(text))
    return "edit";
  if (/\b(?:videos?|clips?|films?|movies?)\b/.test(text))
    return haveImage && /\b(?:it|this|that|them|from|of the image)\b/.test(text)
      ? "animate"
      : "video";
  if (
    /\b(?:images?|pictures?|photos?|illustrations?|portraits?|logos?|posters?|thumbnails?|artworks?)\b/.test(
      text,
    ) ||
    /\b(?:generat\w*|creat\w*|draw\w*|paint\w*|render\w*)\b/.test(text)
  )
    return "image";
  return null;
}

/** A new workflow from a message; null when the message names no step the builder knows. */
export function buildWorkflow(message: string, mode: Mode, catalog: Catalog): WorkflowBody | null {
  const ops = parseSteps(message);
  if (ops.length === 0) return null;
  const aspect = detectAspect(message);
  const duration = detectDuration(message);
  const planned = ops.map((op) => ({
    op,
    aspect: op === "image" || op === "video" ? aspect : null,
    duration: op === "video" || op === "animate" ? duration : null,
    scale: op === "upscale" ? upscaleFactor(message) : undefined,
  }));
  return assemble(planned, mode, catalog, message);
}

/**
 * Changes an existing workflow as a message asks: "add an upscale step",
 * "remove the upscale step", "use flux-2-pro", "make the video 10 seconds",
 * "use cheaper models". Returns null when the message asks for nothing it understands.
 */
export function updateWorkflow(
  existing: WorkflowBody,
  message: string,
  mode: Mode,
  catalog: Catalog,
): WorkflowBody | null {
  const text = stripSenseMarkers(message);
  let planned = existing.definition.steps.map(planFromStep);
  let changed = false;
  let buildMode = mode;
  if (/\b(eco|cheaper|cheap|faster|budget)\b/i.test(text)) {
    buildMode = "eco";
    planned = planned.map((step) => (step.op === "custom" ? step : { ...step, model: undefined }));
    changed = true;
  } else if (/\b(max mode|best quality|premium|highest quality)\b/i.test(text)) {
    buildMode = "max";
    planned = planned.map((step) => (step.op === "custom" ? step : { ...step, model: undefined }));
    changed = true;
  }

  const mentioned = (text.toLowerCase().match(/\b[a-z0-9]+(?:[-.][a-z0-9]+)+\b/g) ?? []).filter(
    (slug) => catalog.find(slug) !== undefined,
  );
  for (const slug of mentioned) {
    const op = OP_OF_MODEL[slug];
    const target = planned.find(
      (step) => step.op !== "custom" && (op === undefined || step.op === op),
    );
    if (target !== undefined) {
      target.model = slug;
      changed = true;
    }
  }

  const removal = /^\s*(?:please\s+)?(?:remove|delete|drop|skip|get rid of)\b/i.test(text);
  if (
    removal &&
    (/\bstep\b/i.test(text) || !/^\s*(?:please\s+)?remove\s+(?:the\s+)?background\s*$/i.test(text))
  ) {
    const target = parseSteps(
      text.replace(/^\s*(?:please\s+)?(?:remove|delete|drop|skip|get rid of)\s+/i, ""),
    )[0];
    const next = target === undefined ? planned : planned.filter((step) => step.op !== target);
    if (next.length > 0 && next.length < planned.length) {
      planned = next;
      changed = true;
    }
  } else if (mentioned.length === 0) {
    const aspect = detectAspect(text);
    const duration = detectDuration(text);
    const adding = parseSteps(
      text.replace(
        /^\s*(?:please\s+)?(?:also\s+)?(?:add|append|insert|include)\s+(?:a|an|another)?\s*(?:step\s+(?:to|that)\s+)?/i,
        "",
      ),
    ).filter(
      (op) =>
        /\b(add|append|insert|include|also|then|step)\b/i.test(text) ||
        !planned.some((step) => step.op === op),
    );
    if (adding.length > 0) {
      const steps = adding.map((op) => ({
        op,
        aspect: op === "image" || op === "video" ? aspect : null,
        duration: op === "video" || op === "animate" ? duration : null,
        scale: op === "upscale" ? upscaleFactor(text) : undefined,
      }));
      planned = /\b(at the (?:start|beginning)|first|before)\b/i.test(text)
        ? [...steps, ...planned]
        : [...planned, ...steps];
      changed = true;
    } else {
      for (const step of planned) {
        if (aspect !== null && (step.op === "image" || step.op === "video")) {
          step.aspect = aspect;
          changed = true;
        }
        if (duration !== null && (step.op === "video" || step.op === "animate")) {
          step.duration = duration;
          changed = true;
        }
      }
    }
  }
  if (!changed) return null;
  const rebuilt = assemble(planned, buildMode, catalog, existing.description);
  return { ...rebuilt, name: existing.name, categories: rebuilt.categories };
}

function planFromStep(step: WorkflowStep): PlannedStep {
  const op =
    step.type === "model" && step.model !== undefined ? OP_OF_MODEL[step.model] : undefined;
  if (op === undefined) return { op: "custom", custom: step };
  const params = step.params ?? {};
  return {
    op,
    model: step.model,
    aspect: typeof params.aspect_ratio === "string" ? params.aspect_ratio : null,
    duration: typeof params.duration === "number" ? params.duration : null,
    scale: typeof params.scale === "number" ? params.scale : undefined,
  };
}

function assemble(
  planned: PlannedStep[],
  mode: Mode,
  catalog: Catalog,
  source: string,
): WorkflowBody {
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  const need = (name: string, schema: Record<string, unknown>): string => {
    if (!(name in properties)) {
      properties[name] = schema;
      required.push(name);
    }
    return `{{inputs.${name}}}`;
  };
  const steps: WorkflowStep[] = [];
  const used = new Set<string>();
  let imageRef: string | null = null;
  let promptOwner: StepOp | null = null;
  const promptFor = (op: StepOp): string => {
    if (promptOwner === null || promptOwner === op) {
      promptOwner = op;
      return need("prompt", { type: "string", description: "What to generate" });
    }
    return need(`${op}_prompt`, {
      type: "string",
      description: `What the ${NAMES[op].toLowerCase()} should be`,
    });
  };
  const sourceImage = (): string =>
    imageRef ?? need("image", { type: "string", format: "uri", description: "Source image URL" });

  for (const step of planned) {
    if (step.op === "custom") {
      if (step.custom !== undefined) steps.push(step.custom);
      continue;
    }
    const op = step.op;
    const id = unique(STEP_IDS[op], used);
    const model =
      step.model ?? (catalog.find(MODELS[op][mode]) ? MODELS[op][mode] : MODELS[op].max);
    let params: Record<string, unknown>;
    switch (op) {
      case "image":
        params = { prompt: promptFor(op), ...(step.aspect ? { aspect_ratio: step.aspect } : {}) };
        break;
      case "video":
        params = {
          prompt: promptFor(op),
          duration: step.duration ?? 5,
          ...(step.aspect ? { aspect_ratio: step.aspect } : {}),
        };
        break;
      case "animate":
        params = { image_url: sourceImage(), prompt: promptFor(op), duration: step.duration ?? 5 };
        break;
      case "upscale":
        params = { image_url: sourceImage(), scale: step.scale ?? 2 };
        break;
      case "remove-background":
        params = { image_url: sourceImage() };
        break;
      case "edit":
        params = {
          image_url: sourceImage(),
          prompt: need("edit_instruction", { type: "string", description: "The change to make" }),
        };
        break;
      case "face-swap":
        params = {
          image_url: sourceImage(),
          face_url: need("face_image", {
            type: "string",
            format: "uri",
            description: "Image of the face to use",
          }),
        };
        break;
      case "speech":
        params = {
          text: need("script", { type: "string", description: "Text to read" }),
          voice: "rachel",
        };
        break;
      case "music":
        params = {
          prompt: promptFor(op),
          duration: model === "stable-audio-2-5" ? 30 : (step.duration ?? 30),
        };
        break;
      case "sfx":
        params = { prompt: promptFor(op), duration: step.duration ?? 10 };
        break;
    }
    steps.push({ step_id: id, type: "model", model, params });
    if (PRODUCES_IMAGE.has(op)) imageRef = `{{${id}.primary}}`;
  }

  const ops = planned.flatMap((step) => (step.op === "custom" ? [] : [step.op]));
  const first = ops[0];
  return {
    name: `${ops.map((op) => NAMES[op]).join(" + ") || "Custom"} pipeline`,
    description: source.startsWith("Built by each::sense")
      ? source
      : `Built by each::sense from: "${collapse(stripSenseMarkers(source)).slice(0, 200)}"`,
    categories: [categoryOf(first)],
    definition: { version: "v1", input_schema: { type: "object", properties, required }, steps },
  };
}

function categoryOf(op: StepOp | undefined): string {
  switch (op) {
    case "video":
    case "animate":
      return "video-generation";
    case "speech":
    case "music":
    case "sfx":
      return "audio-generation";
    case "upscale":
      return "upscaling";
    case "remove-background":
    case "edit":
    case "face-swap":
      return "image-editing";
    default:
      return "image-generation";
  }
}

function unique(base: string, used: Set<string>): string {
  let id = base;
  for (let index = 2; used.has(id); index += 1) id = `${base}_${index}`;
  used.add(id);
  return id;
}

/** Words for a text answer: "Image generation → Upscale". */
export function describeSteps(body: WorkflowBody): string {
  return body.definition.steps
    .map((step) => {
      const op = step.model === undefined ? undefined : OP_OF_MODEL[step.model];
      return op === undefined
        ? (step.step_id ?? step.id ?? step.type)
        : `${NAMES[op]} (${step.model})`;
    })
    .join(" → ");
}
