"use client";

import { type RefObject, useLayoutEffect, useState } from "react";

/** The element's content width in px, following resizes; null until measured (server
 *  render, first paint, jsdom without ResizeObserver). */
export function useContainerWidth(ref: RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      // Whole pixels: sub-pixel jitter while scrolling would otherwise re-pack the rows.
      setWidth(Math.floor(element.getBoundingClientRect().width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
