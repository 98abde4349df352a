"use client";

import { useCallback, useId } from "react";
import { cn } from "@/lib/shared/cn";
import type { AssetKind } from "@/lib/shared/media-kind";
import { KindIcon } from "../catalog/kind-icons";
import { Button } from "../ui/button";
import { Spinner } from "../ui/spinner";
import { KIND_LABELS } from "./asset-label";
import { StarIcon } from "./gallery-icons";
import {
  type AssetSource,
  FILTER_KINDS,
  FILTER_SOURCES,
  type GalleryUrlFilters,
  hasActiveFilters,
} from "./gallery-url";
import { PromptSearchBox } from "./prompt-search-box";
import { type ChipOption, ToggleChips } from "../ui/toggle-chips";

const KIND_OPTIONS: ChipOption<AssetKind>[] = FILTER_KINDS.map((kind) => ({
  value: kind,
  label: KIND_LABELS[kind],
  icon:
    kind === "file" ? null : (
      <KindIcon kind={kind} width={16} height={16} className="hidden sm:block" />
    ),
}));

const SOURCE_LABELS: Record<AssetSource, string> = {
  run: "Runs",
  chat: "Chat",
  workflow: "Workflows",
};
const SOURCE_OPTIONS: ChipOption<AssetSource>[] = FILTER_SOURCES.map((source) => ({
  value: source,
  label: SOURCE_LABELS[source],
}));

const CONTROL =
  "h-10 rounded-md border border-input bg-card px-3 text-sm text-foreground shadow-xs focus-visible:outline-2 focus-visible:outline-ring";

function toggle<T>(values: readonly T[], value: T): T[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}

type Update = (change: (filters: GalleryUrlFilters) => GalleryUrlFilters) => void;

/** Search, model, favourites, kind and source chips and a date range, over the grid. */
export function GalleryFilterBar({
  filters,
  update,
  models,
  countText,
  updating,
  onClear,
}: {
  filters: GalleryUrlFilters;
  update: Update;
  models: readonly string[];
  countText: string;
  updating: boolean;
  onClear: () => void;
}) {
  const id = useId();
  const set = useCallback(
    <K extends keyof GalleryUrlFilters>(key: K, value: GalleryUrlFilters[K]) =>
      update((current) => ({ ...current, [key]: value })),
    [update],
  );
  const setQuery = useCallback((q: string) => set("q", q), [set]);
  // A model from a shared link may have no items left here: keep it selectable anyway.
  const modelOptions =
    filters.model && !models.includes(filters.model) ? [filters.model, ...models] : models;

  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 md:flex-row md:items-center">
        <PromptSearchBox value={filters.q} onChange={setQuery} describedBy={`${id}-count`} />
        <div className="flex min-w-0 gap-2">
          <label htmlFor={`${id}-model`} className="sr-only">
            Model
          </label>
          <select
            id={`${id}-model`}
            value={filters.model}
            onChange={(event) => set("model", event.target.value)}
            className={cn(CONTROL, "min-w-0 flex-1 md:w-56 md:flex-none")}
          >
            <option value="">All models</option>
            {modelOptions.map((model) => (
              <option key={model} value={model}>
                {model}
              </option>
            ))}
          </select>
          <button
            type="button"
            aria-pressed={filters.favorites}
            onClick={() => set("favorites", !filters.favorites)}
            className={cn(
              CONTROL,
              "inline-flex shrink-0 items-center gap-1.5 font-medium transition",
              filters.favorites
                ? "border-primary bg-primary text-primary-foreground"
                : "hover:bg-muted",
            )}
          >
            <StarIcon width={16} height={16} filled={filters.favorites} />
            Favourites only
          </button>
        </div>
      </div>

      <div className="flex flex-col gap-3 lg:flex-row lg:flex-wrap lg:items-center lg:justify-between">
        <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:gap-x-8">
          <ToggleChips
            label="Kind"
            options={KIND_OPTIONS}
            selected={filters.kinds}
            onToggle={(kind) => update((f) => ({ ...f, kinds: toggle(f.kinds, kind) }))}
          />
          <ToggleChips
            label="Source"
            options={SOURCE_OPTIONS}
            selected={filters.sources}
            onToggle={(source) => update((f) => ({ ...f, sources: toggle(f.sources, source) }))}
          />
        </div>
        <fieldset className="grid grid-cols-2 gap-2 sm:flex sm:items-center">
          <legend className="sr-only">Date range</legend>
          {(["from", "to"] as const).map((key) => (
            <div
              key={key}
              className="flex min-w-0 flex-col gap-1 sm:flex-row sm:items-center sm:gap-2"
            >
              <label
                htmlFor={`${id}-${key}`}
                className="text-xs font-medium tracking-wide text-muted-foreground uppercase"
              >
                {key === "from" ? "From" : "To"}
              </label>
              <input
                id={`${id}-${key}`}
                type="date"
                value={filters[key]}
                // The range cannot be turned inside out: From stays before To.
                min={key === "to" ? filters.from || undefined : undefined}
                max={key === "from" ? filters.to || undefined : undefined}
                onChange={(event) => set(key, event.target.value)}
                className={cn(CONTROL, "h-9 w-full min-w-0 sm:w-[9.5rem]")}
              />
            </div>
          ))}
        </fieldset>
      </div>

      <div className="flex min-h-8 items-center justify-between gap-3">
        <p
          id={`${id}-count`}
          role="status"
          className="flex items-center gap-2 text-sm text-muted-foreground tabular-nums"
        >
          {countText}
          {updating ? <Spinner label="Updating" className="size-3.5" /> : null}
        </p>
        {hasActiveFilters(filters) ? (
          <Button variant="ghost" size="sm" onClick={onClear}>
            Clear all
          </Button>
        ) : null}
      </div>
    </div>
  );
}
