export interface Size {
  width: number;
  height: number;
}

/** Reads "16:9" (also "16/9" and "16x9"); anything else is null. */
export function parseAspect(value: unknown): { w: number; h: number } | null {
  if (typeof value !== "string") return null;
  const match = /^\s*(\d+(?:\.\d+)?)\s*[:/x]\s*(\d+(?:\.\d+)?)\s*$/.exec(value);
  if (match === null) return null;
  const w = Number(match[1]);
  const h = Number(match[2]);
  return w > 0 && h > 0 ? { w, h } : null;
}

/** Fits an aspect ratio into a box whose longest side is `longest`, sides rounded to `multiple`. */
export function sizeForAspect(
  aspect: { w: number; h: number },
  longest: number,
  multiple: number,
): Size {
  const round = (value: number): number =>
    Math.max(multiple, Math.round(value / multiple) * multiple);
  return aspect.w >= aspect.h
    ? { width: round(longest), height: round((longest * aspect.h) / aspect.w) }
    : { width: round((longest * aspect.w) / aspect.h), height: round(longest) };
}
