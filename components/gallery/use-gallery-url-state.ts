"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { type GalleryUrlFilters, parseGalleryParams, withGalleryParams } from "./gallery-url";

function canonical(search: string): string {
  return new URLSearchParams(search).toString();
}

/**
 * The gallery filters, kept in React state and mirrored into the URL with
 * `history.replaceState` (as the catalog does, see use-catalog-url-state.ts: Next follows
 * native history calls without asking the server to render the page again), so a filtered
 * view can be reloaded or shared. A URL we did not write — the header's Gallery link,
 * back/forward — replaces the filters.
 */
export function useGalleryUrlState(initial: GalleryUrlFilters) {
  const searchParams = useSearchParams();
  const search = searchParams.toString();
  const [filters, setFilters] = useState(initial);
  const [seenSearch, setSeenSearch] = useState(search);
  const [ownWrites, setOwnWrites] = useState<readonly string[]>([]);

  if (search !== seenSearch) {
    setSeenSearch(search);
    if (!ownWrites.includes(search)) setFilters(parseGalleryParams(searchParams));
  }

  // Written at once, never later: a delayed write landing while a click on a result is
  // already navigating away would cancel that navigation. (replaceState adds no history
  // entries, so there is nothing to fold together.)
  useEffect(() => {
    const { pathname, hash, search: current } = window.location;
    const next = withGalleryParams(current, filters);
    if (canonical(next) === canonical(current)) return;
    window.history.replaceState(null, "", `${pathname}${next ? `?${next}` : ""}${hash}`);
    setOwnWrites((writes) => [...writes.slice(-9), canonical(next)]); // eslint-disable-line react-hooks/set-state-in-effect -- records our own write so the URL sync above ignores it
  }, [filters]);

  return [filters, setFilters] as const;
}
