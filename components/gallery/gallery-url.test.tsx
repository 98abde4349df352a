import { describe, expect, it } from "vitest";
import { galleryFiltersSchema } from "@/lib/shared/gallery-filters";
import {
  assetListKey,
  assetsApiUrl,
  listInput,
  NO_GALLERY_FILTERS,
  paramsFromRecord,
  parseGalleryParams,
  withGalleryParams,
} from "./gallery-url";
import { toggleSelection } from "./selection";

const full = {
  kinds: ["video", "image"],
  sources: ["run"],
  model: "flux-2-max",
  q: "lighthouse at dusk",
  favorites: true,
  from: "2026-11-01",
  to: "2026-11-25",
} as const;

describe("gallery filters in the URL", () => {
  it("round-trips every filter through a shareable query string", () => {
    const search = withGalleryParams("", {
      ...full,
      kinds: [...full.kinds],
      sources: [...full.sources],
    });
    expect(search).toBe(
      "kind=image,video&source=run&model=flux-2-max&q=lighthouse+at+dusk&favorites=1&from=2026-11-01&to=2026-11-25",
    );
    expect(parseGalleryParams(new URLSearchParams(search))).toEqual({
      ...full,
      kinds: ["image", "video"],
    });
  });

  it("keeps other parameters and drops empty filters", () => {
    expect(withGalleryParams("?tab=2&kind=audio", NO_GALLERY_FILTERS)).toBe("tab=2");
  });

  it("opens a hand-edited link by dropping what it cannot read", () => {
    const filters = parseGalleryParams(
      new URLSearchParams(
        "kind=IMAGE,sculpture&kind=audio&source=fax&from=2026-02-30&to=yesterday&favorites=yes",
      ),
    );
    expect(filters).toEqual({ ...NO_GALLERY_FILTERS, kinds: ["image", "audio"] });
  });

  it("reads Next's searchParams object like the browser's URL", () => {
    const params = paramsFromRecord({ kind: ["image", "video"], q: "sea", empty: undefined });
    expect(parseGalleryParams(params)).toMatchObject({ kinds: ["image", "video"], q: "sea" });
  });

  it("asks the API for the same filters the server page lists", () => {
    const filters = { ...full, kinds: [...full.kinds], sources: [...full.sources] };
    const url = new URL(assetsApiUrl(filters, "cursor-1"), "http://x");
    expect(url.pathname).toBe("/api/assets");
    expect(url.searchParams.get("cursor")).toBe("cursor-1");
    expect(url.searchParams.get("limit")).toBe("40");
    const fromUrl = galleryFiltersSchema.parse({
      ...Object.fromEntries(url.searchParams),
    });
    const fromServer = galleryFiltersSchema.parse({ ...listInput(filters), cursor: "cursor-1" });
    expect(fromUrl).toEqual(fromServer);
    expect(fromServer).toMatchObject({
      kind: ["image", "video"],
      source: ["run"],
      favorites: true,
    });
  });

  it("gives equal filters equal query keys, whatever the chip order", () => {
    expect(assetListKey({ ...NO_GALLERY_FILTERS, kinds: ["video", "image"] })).toEqual(
      assetListKey({ ...NO_GALLERY_FILTERS, kinds: ["image", "video"] }),
    );
  });
});

describe("toggleSelection", () => {
  const order = ["a", "b", "c", "d", "e"];

  it("flips one item on a plain click", () => {
    expect([...toggleSelection(new Set(["a"]), order, "c", "a", false)]).toEqual(["a", "c"]);
    expect([...toggleSelection(new Set(["a", "c"]), order, "c", "a", false)]).toEqual(["a"]);
  });

  it("selects the range from the last click on shift-click, in either direction", () => {
    expect([...toggleSelection(new Set(["b"]), order, "d", "b", true)].sort()).toEqual([
      "b",
      "c",
      "d",
    ]);
    expect([...toggleSelection(new Set(["d"]), order, "a", "d", true)].sort()).toEqual([
      "a",
      "b",
      "c",
      "d",
    ]);
  });

  it("clears the range when the shift-clicked item was selected", () => {
    const all = new Set(order);
    expect([...toggleSelection(all, order, "d", "b", true)].sort()).toEqual(["a", "e"]);
  });
});
