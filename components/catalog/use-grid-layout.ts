"use client";

import { type RefObject, useLayoutEffect, useState } from "react";

/**
 * Cards per row for a container width. The thresholds are Tailwind's container sizes @lg
 * (32rem), @3xl (48rem) and @5xl (64rem), which the static grid uses in CSS, so both grids
 * agree: one card on a phone, two on a small tablet, three on a laptop, four on wide screens.
 */
export function columnsForWidth(width: number, rem = 16): number {
  if (width >= 64 * rem) return 4;
  if (width >= 48 * rem) return 3;
  if (width >= 32 * rem) return 2;
  return 1;
}

export type GridLayout = {
  columns: number;
  /** Container width, px. */
  width: number;
  /** Container top from the top of the document, px: the virtualizer's scroll margin. */
  top: number;
};

/**
 * Measures the grid container; null until measured — during server rendering, before the
 * first layout, and where ResizeObserver does not exist (jsdom) — so callers can show a
 * plain grid meanwhile.
 */
export function useGridLayout(ref: RefObject<HTMLElement | null>): GridLayout | null {
  const [layout, setLayout] = useState<GridLayout | null>(null);

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      const rect = element.getBoundingClientRect();
      // Container queries are in rem: follow the user's font size as CSS does.
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      const width = Math.round(rect.width);
      const next = {
        width,
        columns: columnsForWidth(width, rem),
        top: Math.round(rect.top + window.scrollY),
      };
      setLayout((previous) =>
        previous &&
        previous.width === next.width &&
        previous.columns === next.columns &&
        previous.top === next.top
          ? previous
          : next,
      );
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);

  return layout;
}
