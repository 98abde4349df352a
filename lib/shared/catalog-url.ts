// The catalog's filters in the URL (`?q=flux&makes=image,video&takes=image`), so a filtered
// view can be shared. Browser-safe and pure; the server page can use the parser too.
import type { CatalogFilters } from "./catalog-search";
import type { MediaKind } from "./catalog-types";
import { MEDIA_KINDS } from "./model-kinds";

type ParamReader = { get(name: string): string | null; getAll(name: string): string[] };

/** Accepts `makes=image,video` and `makes=image&makes=video`; unknown kinds are dropped, so a
 *  hand-edited or outdated link still opens. */
function readKinds(params: ParamReader, name: string): MediaKind[] {
  const values = new Set(params.getAll(name).flatMap((value) => value.toLowerCase().split(",")));
  return MEDIA_KINDS.filter((kind) => values.has(kind));
}

export function parseCatalogParams(params: ParamReader, fallbackQuery = ""): CatalogFilters {
  return {
    query: params.get("q") ?? fallbackQuery,
    makes: readKinds(params, "makes"),
    takes: readKinds(params, "takes"),
  };
}

/**
 * `search` (with or without its "?") with the catalog's parameters replaced by `filters` and
 * every other parameter kept; returned without "?". Commas stay literal: `makes=image,video`
 * reads better in a shared link than `makes=image%2Cvideo`, and both parse the same.
 */
export function withCatalogParams(search: string, filters: CatalogFilters): string {
  const params = new URLSearchParams(search);
  const set = (name: string, value: string) =>
    value ? params.set(name, value) : params.delete(name);
  set("q", filters.query.trim() ? filters.query : "");
  set("makes", MEDIA_KINDS.filter((kind) => filters.makes.includes(kind)).join(","));
  set("takes", MEDIA_KINDS.filter((kind) => filters.takes.includes(kind)).join(","));
  return params.toString().replace(/%2C/gi, ",");
}

/** A query string as `URLSearchParams` (and so `useSearchParams()`) serializes it, to compare
 *  two of them: "?makes=a,b" and "makes=a%2Cb" are the same. */
export function canonicalSearch(search: string): string {
  return new URLSearchParams(search).toString();
}
