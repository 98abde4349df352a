import { describe, expect, it } from "vitest";
import { bands, formatCostTick, labelEvery, niceScale, niceStep, yScale } from "./usage-scales";

describe("niceScale", () => {
  it("rounds the runs axis up to whole, round steps", () => {
    expect(niceScale(7, { integer: true })).toEqual({ max: 8, step: 2, ticks: [0, 2, 4, 6, 8] });
    expect(niceScale(9, { integer: true }).ticks).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceScale(1, { integer: true })).toEqual({ max: 1, step: 1, ticks: [0, 1] });
    expect(niceScale(37, { integer: true }).ticks).toEqual([0, 10, 20, 30, 40]);
  });

  it("keeps a frame for a month without runs", () => {
    expect(niceScale(0, { integer: true }).ticks).toEqual([0, 1, 2, 3, 4]);
    expect(niceScale(0).max).toBeGreaterThan(0);
  });

  it("steps money in 1, 2, 5 × 10ⁿ without floating-point crumbs", () => {
    const scale = niceScale(0.123);
    expect(scale.step).toBeCloseTo(0.05);
    expect(scale.ticks).toEqual([0, 0.05, 0.1, 0.15]);
    expect(niceScale(0.3).ticks).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it("always reaches at least the largest value", () => {
    for (const max of [0.01, 0.7, 3, 9.99, 41, 1234]) {
      expect(niceScale(max).max).toBeGreaterThanOrEqual(max);
      expect(niceScale(max, { integer: true }).max).toBeGreaterThanOrEqual(max);
    }
  });

  it("never steps the runs axis by less than one", () => {
    expect(niceStep(1.2, 4, true)).toBe(1);
    expect(niceStep(1.2, 4)).toBeCloseTo(0.5);
  });
});

describe("yScale", () => {
  it("maps zero to the bottom and the maximum to the top", () => {
    const y = yScale(8, 200);
    expect(y(0)).toBe(200);
    expect(y(8)).toBe(0);
    expect(y(2)).toBe(150);
    expect(y(20)).toBe(0); // never above the plot
    expect(yScale(0, 200)(5)).toBe(200);
  });
});

describe("bands and labels", () => {
  it("splits the width into equal slots with centred bars", () => {
    const slots = bands(30, 600, 0.25);
    expect(slots.band).toBe(20);
    expect(slots.bar).toBe(15);
    expect(slots.x(0)).toBe(2.5);
    expect(slots.center(29)).toBe(590);
  });

  it("labels fewer days when the chart is narrow", () => {
    expect(labelEvery(30, 900, 48)).toBe(2);
    expect(labelEvery(30, 300, 48)).toBe(5);
    expect(labelEvery(7, 900, 48)).toBe(1);
  });

  it("writes dollar ticks short", () => {
    expect([0, 0.05, 0.1, 1.5, 20].map(formatCostTick)).toEqual([
      "$0",
      "$0.05",
      "$0.1",
      "$1.5",
      "$20",
    ]);
  });
});
