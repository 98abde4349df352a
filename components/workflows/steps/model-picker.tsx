"use client";

import { useId, useMemo, useState } from "react";
import { filterCatalog, NO_FILTERS } from "@/lib/shared/catalog-search";
import { KindBadges } from "../../catalog/kind-badges";
import { SearchIcon } from "../../catalog/kind-icons";
import { Button } from "../../ui/button";
import { useEditor } from "./editor-context";
import { inputClass, labelClass } from "./field-classes";

const SHOWN = 12;

/** The model a step runs: the current one, and a catalog search to change it. */
export function ModelPicker({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (slug: string) => void;
}) {
  const { models, modelIndex } = useEditor();
  const [searching, setSearching] = useState(value === "");
  const [query, setQuery] = useState("");
  const searchId = useId();
  const current = models.find((model) => model.slug === value);
  const results = useMemo(
    () => (searching ? filterCatalog(modelIndex, { ...NO_FILTERS, query }).slice(0, SHOWN) : []),
    [modelIndex, query, searching],
  );

  return (
    <div className="space-y-2">
      <p className={labelClass}>{label}</p>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-border bg-muted/40 px-3 py-2">
        {current ? (
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm font-medium">{current.title || current.slug}</p>
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-mono text-xs text-muted-foreground">{current.slug}</span>
              <KindBadges makes={current.makes} takes={current.takes} />
            </div>
          </div>
        ) : (
          <p className="min-w-0 flex-1 text-sm text-muted-foreground">
            {value ? (
              <>
                <span className="font-mono text-foreground">{value}</span> is not in the catalog;
                the step will fail unless each::labs knows it.
              </>
            ) : (
              "No model chosen yet."
            )}
          </p>
        )}
        <Button
          variant="secondary"
          size="sm"
          aria-expanded={searching}
          aria-controls={searchId}
          onClick={() => setSearching((open) => !open)}
        >
          {searching ? "Close search" : value ? "Change model" : "Choose model"}
        </Button>
      </div>
      {searching ? (
        <div id={searchId} className="space-y-2 rounded-lg border border-border p-2">
          <div className="relative">
            <SearchIcon
              width={16}
              height={16}
              className="pointer-events-none absolute top-1/2 left-2.5 -translate-y-1/2 text-muted-foreground"
            />
            <input
              type="search"
              aria-label={`Search models for ${label.toLowerCase()}`}
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              placeholder="Search by name, slug or description"
              className={`${inputClass} pl-8`}
            />
          </div>
          <ul className="max-h-64 space-y-1 overflow-auto" aria-label="Models">
            {results.map((model) => (
              <li key={model.slug}>
                <button
                  type="button"
                  aria-pressed={model.slug === value}
                  onClick={() => {
                    onChange(model.slug);
                    setSearching(false);
                    setQuery("");
                  }}
                  className="flex w-full flex-wrap items-center gap-x-3 gap-y-1 rounded-md px-2 py-1.5 text-left text-sm hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring aria-pressed:bg-accent"
                >
                  <span className="font-medium">{model.title || model.slug}</span>
                  <span className="font-mono text-xs text-muted-foreground">{model.slug}</span>
                  <KindBadges makes={model.makes} takes={model.takes} />
                </button>
              </li>
            ))}
          </ul>
          {results.length === 0 ? (
            <p className="px-2 text-sm text-muted-foreground">No model matches “{query}”.</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
