import { describe, expect, it } from "vitest";
import {
  buildIndex,
  filterCatalog,
  hasActiveFilters,
  NO_FILTERS,
  queryWords,
} from "@/lib/shared/catalog-search";
import type { CatalogModel, MediaKind, UpstreamModel } from "@/lib/shared/catalog-types";
import { toCatalogModel } from "@/lib/shared/model-kinds";
import fixtureModels from "@/simulator/fixtures/models.json";

const catalog = (fixtureModels as UpstreamModel[]).map(toCatalogModel);
const index = buildIndex(catalog);
const slugs = (models: readonly CatalogModel[]) => models.map((m) => m.slug);
const search = (query: string, makes: MediaKind[] = [], takes: MediaKind[] = []) =>
  slugs(filterCatalog(index, { query, makes, takes }));

function fake(slug: string, title: string, description: string): CatalogModel {
  return {
    slug,
    title,
    description,
    version: "1.0.0",
    outputType: "string",
    makes: "image",
    takes: ["text"],
  };
}

describe("filterCatalog", () => {
  it("returns the catalog itself when nothing is filtered", () => {
    expect(filterCatalog(index, NO_FILTERS)).toBe(catalog);
    expect(filterCatalog(index, { ...NO_FILTERS, query: "   " })).toBe(catalog);
  });

  it("matches title, slug and description without regard to case", () => {
    expect(search("SORA")).toEqual(["sora-2-pro"]);
    expect(search("veo3-1")).toEqual(["veo3-1-fast"]);
    expect(search("transparent png")).toEqual(["eachlabs-bg-remover-v1"]);
  });

  it("needs every word to match, each in any field", () => {
    expect(search("kling video")).toEqual(["kling-2-1-image-to-video", "kling-3-0"]);
    expect(search("kling banana")).toEqual([]);
  });

  it("ranks name prefixes first, then names containing the words, then descriptions", () => {
    const models = [
      fake("described", "Something else", "an upscale tool"),
      fake("contains", "Topaz Upscale", ""),
      fake("prefix-in-description", "Upscale helper", "old upscale"),
      fake("upscale-pro", "Pro", ""),
      fake("old-upscale-kit", "Old Upscale Kit", ""),
    ];
    expect(slugs(filterCatalog(models, { ...NO_FILTERS, query: "upscale" }))).toEqual([
      "prefix-in-description",
      "upscale-pro",
      "contains",
      "old-upscale-kit",
      "described",
    ]);
    // A prefix match that needs the description for another word sits below a name that
    // holds every word.
    expect(slugs(filterCatalog(models, { ...NO_FILTERS, query: "upscale old" }))).toEqual([
      "old-upscale-kit",
      "prefix-in-description",
    ]);
  });

  it("keeps catalog order within a rank", () => {
    expect(search("flux")).toEqual([
      "flux-2-max",
      "flux-2-pro",
      "flux-kontext-pro",
      "flux-2-edit",
      "flux-fill-pro",
    ]);
  });

  it("keeps models making any of the chosen kinds", () => {
    expect(search("", ["audio"])).toEqual([
      "elevenlabs-tts",
      "mureka-generate-music",
      "stable-audio-2-5",
    ]);
    expect(search("", ["audio", "video"])).toHaveLength(11);
  });

  it("keeps models taking every chosen kind", () => {
    expect(search("", [], ["image"])).toHaveLength(9);
    expect(search("", [], ["image", "text"])).toEqual([
      "flux-kontext-pro",
      "kling-2-1-image-to-video",
      "wan-v2-6-image-to-video",
      "flux-2-edit",
      "flux-fill-pro",
      "each-upscaler",
    ]);
  });

  it("combines the query with both filters", () => {
    expect(search("wan", ["video"], ["image"])).toEqual(["wan-v2-6-image-to-video"]);
    expect(search("flux", ["video"])).toEqual([]);
  });

  it("accepts a plain array (building the index on the fly)", () => {
    expect(slugs(filterCatalog(catalog, { query: "tts", makes: [], takes: [] }))).toEqual([
      "elevenlabs-tts",
    ]);
  });

  it("filters 5,000 models well within a frame", () => {
    const big = Array.from({ length: 5000 }, (_, i) => ({
      ...catalog[i % catalog.length]!,
      slug: `model-${i}`,
    }));
    const bigIndex = buildIndex(big);
    const started = performance.now();
    for (const query of ["f", "fl", "flu", "flux", "flux p", "flux pr", "flux pro"]) {
      filterCatalog(bigIndex, { query, makes: ["image"], takes: ["text"] });
    }
    // Seven keystrokes; generous so a loaded CI machine does not flake (typically ~5 ms).
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe("queryWords and hasActiveFilters", () => {
  it("splits on any whitespace and drops duplicates", () => {
    expect(queryWords("  Flux\tflux  PRO ")).toEqual(["flux", "pro"]);
  });

  it("counts a filter as active only when it narrows something", () => {
    expect(hasActiveFilters(NO_FILTERS)).toBe(false);
    expect(hasActiveFilters({ ...NO_FILTERS, query: "  " })).toBe(false);
    expect(hasActiveFilters({ ...NO_FILTERS, takes: ["audio"] })).toBe(true);
  });
});
