import { describe, expect, it } from "vitest";
import {
  clampAspect,
  DEFAULT_MAX_ASPECT,
  DEFAULT_MIN_ASPECT,
  justifyRows,
} from "./justified-layout";

const desktop = { width: 1200, targetHeight: 200, gap: 8 };

function rowWidth(row: { items: { width: number }[] }, gap: number) {
  return row.items.reduce((sum, item) => sum + item.width, 0) + gap * (row.items.length - 1);
}

describe("justifyRows", () => {
  // A mix of landscape, portrait and square pictures, as a gallery has them.
  const aspects = [1.5, 0.75, 1, 16 / 9, 1.5, 0.8, 1, 1.33, 2, 0.66, 1.5, 1, 0.75, 1.78, 1.2];

  it("makes every row but the last exactly as wide as the container", () => {
    const rows = justifyRows(aspects, desktop);
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows.slice(0, -1)) {
      expect(row.justified).toBe(true);
      expect(rowWidth(row, desktop.gap)).toBeCloseTo(desktop.width, 6);
    }
  });

  it("keeps each item's aspect ratio and one height per row", () => {
    for (const row of justifyRows(aspects, desktop)) {
      for (const item of row.items) {
        expect(item.height).toBe(row.height);
        expect(item.width / item.height).toBeCloseTo(aspects[item.index]!, 9);
      }
    }
  });

  it("places every item once, in order", () => {
    const indexes = justifyRows(aspects, desktop).flatMap((row) =>
      row.items.map((item) => item.index),
    );
    expect(indexes).toEqual(aspects.map((_, index) => index));
  });

  it("keeps rows near the target height", () => {
    for (const row of justifyRows(aspects, desktop).slice(0, -1)) {
      expect(row.height).toBeGreaterThan(desktop.targetHeight * 0.7);
      expect(row.height).toBeLessThan(desktop.targetHeight * 1.4);
    }
  });

  it("leaves the last row at the target height instead of stretching it", () => {
    // Three squares fill only 3 × 200 + 2 × 8 = 616 of 1200 px.
    const [row, ...rest] = justifyRows([1, 1, 1], desktop);
    expect(rest).toEqual([]);
    expect(row!.justified).toBe(false);
    expect(row!.height).toBe(200);
    expect(rowWidth(row!, desktop.gap)).toBe(616);
  });

  it("lays out lower rows with thinner gaps on a phone", () => {
    const phone = { width: 358, targetHeight: 140, gap: 4 };
    const rows = justifyRows(aspects, phone);
    for (const row of rows.slice(0, -1)) expect(rowWidth(row, phone.gap)).toBeCloseTo(358, 6);
    expect(rows.every((row) => row.height <= 140 * 1.4)).toBe(true);
  });

  it("clamps a very wide item so its row is not a sliver, and fills the row with it", () => {
    const [first] = justifyRows([12, 1, 1, 1, 1, 1], desktop);
    const wide = first!.items[0]!;
    // Its layout shape is the widest allowed; the tile crops the rest of the panorama.
    expect(wide.width / wide.height).toBeCloseTo(DEFAULT_MAX_ASPECT, 9);
    expect(rowWidth(first!, desktop.gap)).toBeCloseTo(desktop.width, 6);
    expect(first!.height).toBeGreaterThan(desktop.targetHeight * 0.7);
  });

  it("gives a very wide item a row of its own on a phone", () => {
    const phone = { width: 358, targetHeight: 140, gap: 4 };
    const [first] = justifyRows([12, 1, 1], phone);
    expect(first!.items.map((item) => item.index)).toEqual([0]);
    expect(first!.items[0]!.width).toBeCloseTo(358, 6);
    expect(first!.height).toBeCloseTo(358 / DEFAULT_MAX_ASPECT, 6);
  });

  it("clamps a very tall item so it does not become a thin strip", () => {
    const rows = justifyRows([0.05, 1, 1, 1, 1, 1, 1], desktop);
    const tall = rows[0]!.items[0]!;
    expect(tall.width / tall.height).toBeCloseTo(DEFAULT_MIN_ASPECT, 9);
    expect(tall.width).toBeGreaterThan(80);
  });

  it("treats unknown shapes as squares and returns nothing without a width", () => {
    const [row] = justifyRows([Number.NaN, 0, -2], desktop);
    expect(row!.items.map((item) => item.width)).toEqual([200, 200, 200]);
    expect(justifyRows(aspects, { ...desktop, width: 0 })).toEqual([]);
    expect(justifyRows([], desktop)).toEqual([]);
  });

  it("re-packs into fewer, fuller rows when the container grows", () => {
    const narrow = justifyRows(aspects, { ...desktop, width: 800 });
    const wide = justifyRows(aspects, { ...desktop, width: 1600 });
    expect(wide.length).toBeLessThan(narrow.length);
  });
});

describe("clampAspect", () => {
  it("keeps ordinary ratios and bounds extreme ones", () => {
    expect(clampAspect(1.5)).toBe(1.5);
    expect(clampAspect(40)).toBe(DEFAULT_MAX_ASPECT);
    expect(clampAspect(0.01)).toBe(DEFAULT_MIN_ASPECT);
    expect(clampAspect(Infinity)).toBe(1);
  });
});
