import { describe, expect, it } from "vitest";
import { assetAspect, assetName } from "./asset-label";
import { formatBytes, formatCost, formatDateTime, formatDay, formatDuration } from "./format";

describe("formatDuration", () => {
  it.each([
    [0, "0:00"],
    [4_400, "0:04"],
    [4_600, "0:05"],
    [59_600, "1:00"],
    [65_000, "1:05"],
    [600_000, "10:00"],
    [3_725_000, "1:02:05"],
  ])("writes %i ms as %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it("writes a missing or broken length as 0:00", () => {
    expect(formatDuration(null)).toBe("0:00");
    expect(formatDuration(Number.NaN)).toBe("0:00");
    expect(formatDuration(-5)).toBe("0:00");
  });
});

describe("formatting figures", () => {
  it("writes money like the run panel", () => {
    expect(formatCost(0)).toBe("$0.00");
    expect(formatCost(0.0042)).toBe("$0.0042");
    expect(formatCost(0.12)).toBe("$0.120");
    expect(formatCost(3.5)).toBe("$3.500");
  });

  it("writes sizes in binary units", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(250 * 1024 * 1024)).toBe("250 MB");
  });

  it("writes days and times the same on the server and in the browser", () => {
    expect(formatDay("2026-11-03")).toBe("Nov 3");
    expect(formatDateTime("2026-11-25T15:04:00Z", "UTC")).toBe("Nov 25, 2026, 3:04 PM");
  });
});

describe("asset names and shapes", () => {
  const base = { kind: "image" as const, modelSlug: "flux-2-max", title: null, prompt: null };

  it("names a tile by its kind and its title, else its prompt", () => {
    expect(assetName({ ...base, prompt: "A lighthouse" })).toBe("Image: A lighthouse");
    expect(assetName({ ...base, prompt: "A lighthouse", title: "Cover" })).toBe("Image: Cover");
    expect(assetName({ ...base, kind: "audio" })).toBe("Audio: Untitled audio from flux-2-max");
  });

  it("cuts a long prompt at a word", () => {
    const name = assetName({ ...base, prompt: "word ".repeat(60) });
    expect(name.length).toBeLessThan(150);
    expect(name.endsWith("word…")).toBe(true);
  });

  it("uses the real shape of pictures and a card shape for the rest", () => {
    expect(assetAspect({ kind: "image", width: 1600, height: 900 })).toBeCloseTo(16 / 9);
    expect(assetAspect({ kind: "video", width: null, height: null })).toBeCloseTo(16 / 9);
    expect(assetAspect({ kind: "audio", width: null, height: null })).toBe(2);
  });
});
