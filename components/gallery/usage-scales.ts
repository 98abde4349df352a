// The arithmetic of the usage chart: round axis maxima, ticks, bar positions. Pure.

/**
 * The smallest round step (1, 2 or 5 × 10ⁿ) that covers 0…`max` in at most `count + 1`
 * intervals, so the axis has about `count` of them; at least 1 for whole numbers.
 */
export function niceStep(max: number, count = 4, integer = false): number {
  if (!(max > 0)) return integer ? 1 : 0.01;
  const power = 10 ** Math.floor(Math.log10(max / count));
  for (const scale of [power, power * 10, power * 100]) {
    for (const base of [1, 2, 5]) {
      const step = base * scale;
      if (integer && step < 1) continue;
      if (Math.ceil(max / step - 1e-9) <= count + 1) return step;
    }
  }
  return power * 100;
}

export type NiceScale = { max: number; step: number; ticks: number[] };

/**
 * An axis from 0 to a round number at or above `max`, with about `count` steps. An empty
 * series (all zeros) still gets an axis, so the chart keeps its frame.
 */
export function niceScale(max: number, { count = 4, integer = false } = {}): NiceScale {
  const target = max > 0 ? max : integer ? count : 0.04;
  const step = niceStep(target, count, integer);
  const top = Math.max(step, Math.ceil(target / step - 1e-9) * step);
  const steps = Math.round(top / step);
  // Multiplying (not adding) keeps 0.1 + 0.2 style drift out of the labels.
  const ticks = Array.from({ length: steps + 1 }, (_, i) => Number((i * step).toPrecision(12)));
  return { max: ticks.at(-1) ?? top, step, ticks };
}

/** Maps 0…domainMax onto rangePx…0 (SVG y grows downwards). */
export function yScale(domainMax: number, rangePx: number): (value: number) => number {
  return (value) =>
    domainMax > 0 ? rangePx - (Math.min(value, domainMax) / domainMax) * rangePx : rangePx;
}

export type Bands = {
  band: number;
  bar: number;
  x: (index: number) => number;
  center: (index: number) => number;
};

/** `count` equal slots across `width`, each holding a bar of `1 - padding` of the slot. */
export function bands(count: number, width: number, padding = 0.3): Bands {
  const band = count > 0 ? width / count : width;
  const bar = Math.max(1, band * (1 - padding));
  return {
    band,
    bar,
    x: (index) => index * band + (band - bar) / 2,
    center: (index) => index * band + band / 2,
  };
}

/** Label every n-th slot so labels at least `minPx` apart never collide. */
export function labelEvery(count: number, width: number, minPx: number): number {
  if (count <= 0) return 1;
  return Math.max(1, Math.ceil(minPx / (width / count)));
}

/** Axis labels for money: "$0", "$0.05", "$1.5", "$20". */
export function formatCostTick(value: number): string {
  if (value === 0) return "$0";
  return `$${Number(value.toPrecision(3))}`;
}
