"use client";

import { useCallback, useEffect, useRef } from "react";

export const FILTER_START_MARK = "catalog-filter-start";
export const FILTER_PAINTED_MARK = "catalog-filter-painted";

/**
 * User Timing marks around a search keystroke, for the benchmark that measures keystroke →
 * paint: call `markStart` in the input handler; "painted" is marked once `results` from that
 * keystroke have been committed and the frame showing them drawn. A requestAnimationFrame
 * callback runs just before that frame paints, so the mark waits one task more.
 */
export function useFilterPaintMark(results: unknown): () => void {
  const pending = useRef(false);

  const markStart = useCallback(() => {
    pending.current = true;
    performance.mark?.(FILTER_START_MARK);
  }, []);

  useEffect(() => {
    if (!pending.current) return;
    pending.current = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => performance.mark?.(FILTER_PAINTED_MARK), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [results]);

  return markStart;
}
