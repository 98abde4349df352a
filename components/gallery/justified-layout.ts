// Justified rows, as on Flickr or Google Photos: every row is exactly as wide as the
// container and every item keeps its aspect ratio, so rows differ a little in height around
// a target. Pure, so it can be tested without a browser.

export type JustifiedOptions = {
  /** Container width, px. */
  width: number;
  /** The height rows aim for, px. */
  targetHeight: number;
  /** Space between items and between rows, px. */
  gap: number;
  /** Aspect ratios (width / height) are clamped into this range: a 10:1 panorama or a 1:8
   *  strip would otherwise make a row a sliver or a single column. The tile crops the rest. */
  minAspect?: number;
  maxAspect?: number;
};

export type JustifiedBox = { index: number; width: number; height: number };
export type JustifiedRow = { height: number; items: JustifiedBox[]; justified: boolean };

export const DEFAULT_MIN_ASPECT = 0.5;
export const DEFAULT_MAX_ASPECT = 3;

export function clampAspect(aspect: number, min = DEFAULT_MIN_ASPECT, max = DEFAULT_MAX_ASPECT) {
  if (!Number.isFinite(aspect) || aspect <= 0) return 1;
  return Math.min(max, Math.max(min, aspect));
}

function rowHeight(aspects: readonly number[], width: number, gap: number): number {
  const sum = aspects.reduce((total, aspect) => total + aspect, 0);
  return (width - gap * (aspects.length - 1)) / sum;
}

function boxes(start: number, aspects: readonly number[], height: number): JustifiedBox[] {
  return aspects.map((aspect, offset) => ({
    index: start + offset,
    width: aspect * height,
    height,
  }));
}

/**
 * Packs items into rows, greedily: items join a row until it would be no taller than the
 * target; then the row closes either with or without the last item, whichever height is
 * nearer the target (compared as ratios, so 150 vs 200 and 200 vs 267 count the same). The
 * last row keeps the target height instead of being stretched across the container.
 */
export function justifyRows(aspects: readonly number[], options: JustifiedOptions): JustifiedRow[] {
  const { width, targetHeight, gap } = options;
  if (!(width > 0) || !(targetHeight > 0)) return [];
  const clamped = aspects.map((aspect) =>
    clampAspect(aspect, options.minAspect, options.maxAspect),
  );
  const rows: JustifiedRow[] = [];
  let start = 0;
  let current: number[] = [];

  for (let index = 0; index < clamped.length; index++) {
    current.push(clamped[index]!);
    const height = rowHeight(current, width, gap);
    if (height > targetHeight) continue;
    const without = current.slice(0, -1);
    const heightWithout = without.length > 0 ? rowHeight(without, width, gap) : Infinity;
    if (heightWithout / targetHeight < targetHeight / height) {
      rows.push({
        height: heightWithout,
        items: boxes(start, without, heightWithout),
        justified: true,
      });
      start = index;
      current = [];
      index--; // the item opens the next row (and may fill it alone)
    } else {
      rows.push({ height, items: boxes(start, current, height), justified: true });
      start = index + 1;
      current = [];
    }
  }
  if (current.length > 0) {
    rows.push({
      height: targetHeight,
      items: boxes(start, current, targetHeight),
      justified: false,
    });
  }
  return rows;
}
