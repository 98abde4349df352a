// The gallery's filters in the page URL (`?kind=image,video&source=run&model=flux-2-max&q=…
// &favorites=1&from=2026-11-01&to=2026-11-25`) and in the API's query string, plus the query
// keys built from them. Browser-safe and pure: the server page parses with it too, so the
// first page it renders and the browser's query agree.
import type { AssetView } from "@/lib/shared/asset-types";
import type { AssetKind } from "@/lib/shared/media-kind";

export type AssetSource = AssetView["source"];

/** The kinds the filter offers (files that are none of these are rare and never filtered). */
export const FILTER_KINDS: readonly AssetKind[] = ["image", "video", "audio", "text"];
export const FILTER_SOURCES: readonly AssetSource[] = ["run", "chat", "workflow"];

export type GalleryUrlFilters = {
  kinds: AssetKind[];
  sources: AssetSource[];
  model: string;
  q: string;
  favorites: boolean;
  from: string;
  to: string;
};

export const NO_GALLERY_FILTERS: GalleryUrlFilters = {
  kinds: [],
  sources: [],
  model: "",
  q: "",
  favorites: false,
  from: "",
  to: "",
};

export const PAGE_SIZE = 40;

type ParamReader = { get(name: string): string | null; getAll(name: string): string[] };

function readList<T extends string>(params: ParamReader, name: string, allowed: readonly T[]): T[] {
  const values = new Set(params.getAll(name).flatMap((value) => value.toLowerCase().split(",")));
  return allowed.filter((value) => values.has(value));
}

/** A real calendar day as `YYYY-MM-DD`, or "" (a hand-edited link still opens). */
function readDay(value: string | null): string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return "";
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : "";
}

export function parseGalleryParams(params: ParamReader): GalleryUrlFilters {
  const favorites = params.get("favorites");
  return {
    kinds: readList(params, "kind", FILTER_KINDS),
    sources: readList(params, "source", FILTER_SOURCES),
    model: (params.get("model") ?? "").trim().slice(0, 200),
    q: (params.get("q") ?? "").slice(0, 200),
    favorites: favorites === "1" || favorites === "true",
    from: readDay(params.get("from")),
    to: readDay(params.get("to")),
  };
}

/** Next hands pages `searchParams` as an object; this reads it like URLSearchParams. */
export function paramsFromRecord(record: Record<string, string | string[] | undefined>) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(record)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      params.append(name, item);
    }
  }
  return params;
}

/** The filters in a fixed order with empty ones left out; commas stay literal, as in the
 *  catalog, because `kind=image,video` reads better in a shared link. */
function filterEntries(filters: GalleryUrlFilters): [string, string][] {
  const entries: [string, string][] = [
    ["kind", FILTER_KINDS.filter((kind) => filters.kinds.includes(kind)).join(",")],
    ["source", FILTER_SOURCES.filter((source) => filters.sources.includes(source)).join(",")],
    ["model", filters.model],
    ["q", filters.q.trim()],
    ["favorites", filters.favorites ? "1" : ""],
    ["from", filters.from],
    ["to", filters.to],
  ];
  return entries.filter(([, value]) => value !== "");
}

const FILTER_NAMES = ["kind", "source", "model", "q", "favorites", "from", "to"];

/** `search` with the gallery's parameters replaced by `filters`, others kept; no "?". */
export function withGalleryParams(search: string, filters: GalleryUrlFilters): string {
  const params = new URLSearchParams(search);
  for (const name of FILTER_NAMES) params.delete(name);
  for (const [name, value] of filterEntries(filters)) params.set(name, value);
  return params.toString().replace(/%2C/gi, ",");
}

/** GET /api/assets for these filters, from `cursor` on. */
export function assetsApiUrl(filters: GalleryUrlFilters, cursor: string | null, limit = PAGE_SIZE) {
  const params = new URLSearchParams(filterEntries(filters));
  if (cursor) params.set("cursor", cursor);
  params.set("limit", String(limit));
  return `/api/assets?${params.toString().replace(/%2C/gi, ",")}`;
}

/** The same filters as the server's list function takes them (before its schema's parse). */
export function listInput(filters: GalleryUrlFilters, limit = PAGE_SIZE) {
  return { ...Object.fromEntries(filterEntries(filters)), limit };
}

export function hasActiveFilters(filters: GalleryUrlFilters): boolean {
  return filterEntries(filters).length > 0;
}

// Query keys: every gallery query starts with "assets", so one invalidation refreshes lists
// and single items alike after a change.
export const ASSETS_KEY = ["assets"] as const;
export const ASSET_LISTS_KEY = ["assets", "list"] as const;

export function assetListKey(filters: GalleryUrlFilters) {
  return [...ASSET_LISTS_KEY, Object.fromEntries(filterEntries(filters))] as const;
}

export function assetKey(id: string) {
  return ["assets", "one", id] as const;
}
