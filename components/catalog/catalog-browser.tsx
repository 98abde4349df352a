"use client";

import { useDeferredValue, useId, useMemo } from "react";
import {
  buildIndex,
  type CatalogFilters,
  filterCatalog,
  hasActiveFilters,
  NO_FILTERS,
} from "@/lib/shared/catalog-search";
import type { CatalogModel, MediaKind } from "@/lib/shared/catalog-types";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { EmptyState } from "../ui/empty-state";
import { ModelsIcon } from "../ui/icons";
import { CatalogSearchBox } from "./catalog-search-box";
import { FilterChips } from "./filter-chips";
import { ModelGrid } from "./model-grid";
import { useCatalogUrlState } from "./use-catalog-url-state";
import { useFilterPaintMark } from "./use-filter-paint-mark";

const MAKES_KINDS: readonly MediaKind[] = ["image", "video", "audio", "text"];
// Most models read a prompt, so Text leads here.
const TAKES_KINDS: readonly MediaKind[] = ["text", "image", "video", "audio"];

export type CatalogBrowserProps = {
  models: CatalogModel[];
  /** Shown above the catalog, e.g. "each::labs is not answering; showing the catalog as of
   *  3 minutes ago". */
  notice?: string;
  /** Search to start with when the URL has no `q`. */
  initialQuery?: string;
};

function toggle(kinds: readonly MediaKind[], kind: MediaKind): MediaKind[] {
  return kinds.includes(kind) ? kinds.filter((k) => k !== kind) : [...kinds, kind];
}

function countText(shown: number, total: number): string {
  const models = `${total.toLocaleString("en-US")} ${total === 1 ? "model" : "models"}`;
  return shown === total ? models : `${shown.toLocaleString("en-US")} of ${models}`;
}

function noMatchText({ query, makes, takes }: CatalogFilters): string {
  const chips = makes.length + takes.length > 0;
  const what = query.trim()
    ? `“${query.trim()}”${chips ? " with these filters" : ""}`
    : "these filters";
  return `No model matches ${what}. Try fewer words or turn a filter off.`;
}

/** Search, filter and browse the model catalog; the filters live in the URL. */
export function CatalogBrowser({ models, notice, initialQuery }: CatalogBrowserProps) {
  const countId = useId();
  const [filters, setFilters] = useCatalogUrlState(initialQuery);
  const index = useMemo(() => buildIndex(models), [models]);
  // The field shows each key at once; the grid may follow a frame later under load.
  const deferredFilters = useDeferredValue(filters);
  const results = useMemo(() => filterCatalog(index, deferredFilters), [index, deferredFilters]);
  const markStart = useFilterPaintMark(results);
  const clearAll = () => setFilters(NO_FILTERS);
  const filtered = hasActiveFilters(filters);

  return (
    <div className="space-y-6">
      {notice ? <Alert tone="warning">{notice}</Alert> : null}
      <div className="space-y-4">
        <CatalogSearchBox
          value={filters.query}
          describedBy={countId}
          onChange={(query) => {
            markStart();
            setFilters((f) => ({ ...f, query }));
          }}
        />
        <div className="flex flex-col gap-3 lg:flex-row lg:items-center lg:justify-between">
          <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:gap-x-8">
            <FilterChips
              label="Makes"
              kinds={MAKES_KINDS}
              selected={filters.makes}
              onToggle={(kind) => setFilters((f) => ({ ...f, makes: toggle(f.makes, kind) }))}
            />
            <FilterChips
              label="Takes"
              kinds={TAKES_KINDS}
              selected={filters.takes}
              onToggle={(kind) => setFilters((f) => ({ ...f, takes: toggle(f.takes, kind) }))}
            />
          </div>
          <div className="flex min-h-8 shrink-0 items-center gap-3 whitespace-nowrap">
            <p id={countId} role="status" className="text-sm text-muted-foreground tabular-nums">
              {countText(results.length, models.length)}
            </p>
            {filtered ? (
              <Button variant="ghost" size="sm" onClick={clearAll}>
                Clear all
              </Button>
            ) : null}
          </div>
        </div>
      </div>
      {results.length > 0 ? (
        <ModelGrid models={results} />
      ) : models.length === 0 ? (
        <EmptyState icon={<ModelsIcon width={40} height={40} />} title="No models to show">
          each::labs sent an empty catalog. Reload in a minute to try again.
        </EmptyState>
      ) : (
        <EmptyState
          icon={<ModelsIcon width={40} height={40} />}
          title="No models match"
          action={
            <Button variant="secondary" onClick={clearAll}>
              Clear filters
            </Button>
          }
        >
          {noMatchText(filters)}
        </EmptyState>
      )}
    </div>
  );
}
