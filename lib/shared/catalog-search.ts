// Search and filters for the model catalog, run in the browser on every keystroke. The real
// catalog has hundreds of models and must stay instant at thousands, so the lowercase text
// and kind bitmasks are computed once per catalog (`buildIndex`) and each keystroke only
// does substring tests and bit operations. Browser-safe and pure.
import type { CatalogModel, MediaKind } from "./catalog-types";

export type CatalogFilters = {
  query: string;
  /** Any of these (a model makes exactly one kind). */
  makes: readonly MediaKind[];
  /** Each of these (a model takes several). */
  takes: readonly MediaKind[];
};

export const NO_FILTERS: CatalogFilters = { query: "", makes: [], takes: [] };

const KIND_BITS: Record<MediaKind, number> = { text: 1, image: 2, video: 4, audio: 8 };

function bitsOf(kinds: readonly MediaKind[]): number {
  let bits = 0;
  for (const kind of kinds) bits |= KIND_BITS[kind];
  return bits;
}

type IndexEntry = {
  model: CatalogModel;
  title: string;
  slug: string;
  description: string;
  makes: number;
  takes: number;
};

/** The catalog prepared for searching; build it once per catalog (e.g. in `useMemo`). */
export type CatalogIndex = {
  readonly models: readonly CatalogModel[];
  readonly entries: readonly IndexEntry[];
};

export function buildIndex(models: readonly CatalogModel[]): CatalogIndex {
  return {
    models,
    entries: models.map((model) => ({
      model,
      title: model.title.toLowerCase(),
      slug: model.slug.toLowerCase(),
      description: model.description.toLowerCase(),
      makes: KIND_BITS[model.makes],
      takes: bitsOf(model.takes),
    })),
  };
}

/** Lowercase words of a query, duplicates dropped ("Flux  flux pro" → ["flux", "pro"]). */
export function queryWords(query: string): string[] {
  return [...new Set(query.toLowerCase().split(/\s+/).filter(Boolean))];
}

export function hasActiveFilters(filters: CatalogFilters): boolean {
  return (
    queryWords(filters.query).length > 0 || filters.makes.length > 0 || filters.takes.length > 0
  );
}

/**
 * The models matching every query word (in title, slug or description, any of them per word),
 * making any selected kind and taking every selected kind. Ranked in four tiers, catalog order
 * kept within each: the name starts with the first word and holds every word; the name holds
 * every word; the name starts with the first word; the rest (matched through descriptions).
 * With no filter at all, returns the index's own array so memoized consumers see no change.
 */
export function filterCatalog(
  source: CatalogIndex | readonly CatalogModel[],
  filters: CatalogFilters,
): readonly CatalogModel[] {
  const index = "models" in source ? source : buildIndex(source);
  const words = queryWords(filters.query);
  const makes = bitsOf(filters.makes);
  const takes = bitsOf(filters.takes);
  if (words.length === 0 && makes === 0 && takes === 0) return index.models;

  const first = words[0] ?? "";
  const tiers: CatalogModel[][] = [[], [], [], []];
  for (const entry of index.entries) {
    if (makes !== 0 && (entry.makes & makes) === 0) continue;
    if ((entry.takes & takes) !== takes) continue;
    let inName = true;
    let matches = true;
    for (const word of words) {
      if (entry.title.includes(word) || entry.slug.includes(word)) continue;
      inName = false;
      if (!entry.description.includes(word)) {
        matches = false;
        break;
      }
    }
    if (!matches) continue;
    const prefix = first !== "" && (entry.title.startsWith(first) || entry.slug.startsWith(first));
    tiers[(inName ? 0 : 2) + (prefix ? 0 : 1)]?.push(entry.model);
  }
  return tiers.flat();
}
