"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useCallback } from "react";
import type { CatalogModel } from "@/lib/shared/catalog-types";
import { ModelCard } from "./model-card";
import type { GridLayout } from "./use-grid-layout";

const GAP_PX = 16; // Tailwind gap-4, as in the static grid
/** A card below its 16:9 thumbnail: padding, title, slug, two lines of description, badges.
 *  Only a first guess; each row is measured once rendered. */
const CARD_TEXT_PX = 165;

/**
 * Only the rows near the viewport are in the DOM, so 5,000 models cost what 30 do. Rows, not
 * cards, are virtualized: each row is a CSS grid of `columns` cards, so the page scrolls as a
 * whole (window scroller) and the cards keep the static grid's look.
 */
export function VirtualModelGrid({
  models,
  layout,
}: {
  models: readonly CatalogModel[];
  /** The grid must be keyed by `layout.columns`: rows are regrouped when it changes. */
  layout: GridLayout;
}) {
  const { columns, width, top } = layout;
  const cardWidth = (width - GAP_PX * (columns - 1)) / columns;
  const rowEstimate = Math.round((cardWidth * 9) / 16 + CARD_TEXT_PX);
  const estimateSize = useCallback(() => rowEstimate, [rowEstimate]);

  const virtualizer = useWindowVirtualizer({
    count: Math.ceil(models.length / columns),
    estimateSize,
    gap: GAP_PX,
    overscan: 3,
    scrollMargin: top,
  });

  return (
    <div
      role="list"
      aria-label="Models"
      className="relative"
      style={{ height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map((row) => {
        const first = row.index * columns;
        return (
          <div
            key={row.key}
            data-index={row.index}
            ref={virtualizer.measureElement}
            className="absolute inset-x-0 top-0 grid gap-4"
            style={{
              gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
              transform: `translateY(${row.start - top}px)`,
            }}
          >
            {models.slice(first, first + columns).map((model, offset) => (
              <div
                role="listitem"
                key={model.slug}
                aria-posinset={first + offset + 1}
                aria-setsize={models.length}
              >
                <ModelCard model={model} />
              </div>
            ))}
          </div>
        );
      })}
    </div>
  );
}
