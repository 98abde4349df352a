"use client";

import { useRef } from "react";
import type { CatalogModel } from "@/lib/shared/catalog-types";
import { StaticModelGrid } from "./static-model-grid";
import { useGridLayout } from "./use-grid-layout";
import { VirtualModelGrid } from "./virtual-model-grid";

/**
 * The catalog's cards. Virtualized once the container has been measured; until then (server
 * render, first paint, jsdom) a plain grid of the first cards, laid out identically by
 * container queries, so nothing jumps when the virtual grid takes over.
 */
export function ModelGrid({ models }: { models: readonly CatalogModel[] }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const layout = useGridLayout(containerRef);

  return (
    <div ref={containerRef} className="@container">
      {layout ? (
        <VirtualModelGrid key={layout.columns} models={models} layout={layout} />
      ) : (
        <StaticModelGrid models={models} />
      )}
    </div>
  );
}
