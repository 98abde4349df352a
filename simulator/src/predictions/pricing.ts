import type { CatalogModel } from "../catalog/catalog-model.js";
import type { MediaKind } from "../options.js";

export type PriceUnit = "image" | "second" | "execution" | "character";

interface Price {
  amount: number;
  unit: PriceUnit;
}

// Plausible list prices, fixed so costs in tests and screenshots never drift.
const PRICES: Record<string, Price> = {
  "flux-2-max": { amount: 0.07, unit: "image" },
  "flux-2-pro": { amount: 0.04, unit: "image" },
  "flux-kontext-pro": { amount: 0.04, unit: "image" },
  "nano-banana-pro": { amount: 0.03, unit: "image" },
  "gemini-imagen-4": { amount: 0.04, unit: "image" },
  "seedream-v4-5": { amount: 0.03, unit: "image" },
  "kling-text-to-image": { amount: 0.03, unit: "image" },
  "veo-3": { amount: 0.4, unit: "second" },
  "veo3-1-fast": { amount: 0.15, unit: "second" },
  "kling-3-0": { amount: 0.1, unit: "second" },
  "kling-2-1-image-to-video": { amount: 0.09, unit: "second" },
  "wan-v2-6-image-to-video": { amount: 0.05, unit: "second" },
  "wan-v2-6-text-to-video": { amount: 0.05, unit: "second" },
  "pixverse-v4-1": { amount: 0.06, unit: "second" },
  "sora-2-pro": { amount: 0.3, unit: "second" },
  "flux-2-edit": { amount: 0.04, unit: "image" },
  "flux-fill-pro": { amount: 0.05, unit: "image" },
  "eachlabs-bg-remover-v1": { amount: 0.01, unit: "image" },
  "topaz-upscale-image": { amount: 0.05, unit: "image" },
  "kling-face-swap": { amount: 0.03, unit: "image" },
  "elevenlabs-tts": { amount: 0.0003, unit: "character" },
  "mureka-generate-music": { amount: 0.002, unit: "second" },
  "stable-audio-2-5": { amount: 0.02, unit: "execution" },
  "each-upscaler": { amount: 0.05, unit: "image" },
};

const FALLBACK: Record<MediaKind, Price> = {
  image: { amount: 0.03, unit: "image" },
  video: { amount: 0.1, unit: "second" },
  audio: { amount: 0.002, unit: "second" },
  text: { amount: 0.001, unit: "execution" },
};

export function priceOf(model: CatalogModel, kind: MediaKind): Price {
  return PRICES[model.slug] ?? FALLBACK[kind];
}

/** Per-second models are "metered": the official platform caps them at 2 in flight on a low balance. */
export function isMetered(model: CatalogModel, kind: MediaKind): boolean {
  return priceOf(model, kind).unit === "second";
}

/** Deterministic cost of one run with this (defaults-applied) input, in USD. */
export function costOf(
  model: CatalogModel,
  kind: MediaKind,
  input: Record<string, unknown>,
): number {
  const price = priceOf(model, kind);
  const units = (() => {
    switch (price.unit) {
      case "image":
        return positive(input.num_outputs ?? input.num_images, 1);
      case "second":
        return positive(input.duration, kind === "video" ? 5 : 10);
      case "character":
        return Math.max(1, typeof input.text === "string" ? input.text.length : 1);
      case "execution":
        return 1;
    }
  })();
  return Math.round(price.amount * units * 1e6) / 1e6;
}

function positive(value: unknown, fallback: number): number {
  const number = typeof value === "number" ? value : Number(value);
  return Number.isFinite(number) && number > 0 ? number : fallback;
}
