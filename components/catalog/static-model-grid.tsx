"use client";

import { useState } from "react";
import type { CatalogModel } from "@/lib/shared/catalog-types";
import { Button } from "../ui/button";
import { ModelCard } from "./model-card";

/** Enough cards to fill a tall screen at four columns, so the switch to the virtual grid
 *  after the first layout changes nothing on screen. */
export const FIRST_BATCH = 48;

/**
 * The grid before it has been measured: the server render, the first paint, and browsers
 * without ResizeObserver (which keep "Show more"). Columns come from container queries with
 * the same breakpoints as `columnsForWidth`.
 */
export function StaticModelGrid({ models }: { models: readonly CatalogModel[] }) {
  const [limit, setLimit] = useState(FIRST_BATCH);
  const left = models.length - limit;

  return (
    <>
      <div
        role="list"
        aria-label="Models"
        className="grid grid-cols-1 gap-4 @lg:grid-cols-2 @3xl:grid-cols-3 @5xl:grid-cols-4"
      >
        {models.slice(0, limit).map((model, index) => (
          <div
            role="listitem"
            key={model.slug}
            aria-posinset={index + 1}
            aria-setsize={models.length}
          >
            <ModelCard model={model} />
          </div>
        ))}
      </div>
      {left > 0 ? (
        <div className="mt-6 flex justify-center">
          <Button variant="secondary" onClick={() => setLimit((shown) => shown + FIRST_BATCH)}>
            Show more ({left.toLocaleString("en-US")} left)
          </Button>
        </div>
      ) : null}
    </>
  );
}
