"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { canonicalSearch, parseCatalogParams, withCatalogParams } from "@/lib/shared/catalog-url";

/** Typing settles before the URL follows: one history write per pause, not per key. */
const URL_WRITE_DELAY_MS = 250;

/**
 * The catalog filters, kept in React state (so typing never waits on the router) and mirrored
 * into `?q=&makes=&takes=` so a filtered view can be shared or reloaded.
 *
 * The URL is written with `history.replaceState`, not `router.replace`: Next folds native
 * history calls into its router (useSearchParams follows them), but without fetching the page
 * from the server again — every page here is dynamic, so `router.replace` would re-render the
 * layout and reload the catalog on the server per keystroke. A replaced entry also never
 * scrolls. See node_modules/next/dist/docs/01-app/01-getting-started/04-linking-and-navigating.md.
 */
export function useCatalogUrlState(initialQuery = "") {
  const searchParams = useSearchParams();
  const search = searchParams.toString();
  const [filters, setFilters] = useState(() => parseCatalogParams(searchParams, initialQuery));
  const [seenSearch, setSeenSearch] = useState(search);
  const [ownWrites, setOwnWrites] = useState<readonly string[]>([]);

  // The URL changed under us. Our own writes come back this way too, sometimes a render or
  // two late (after more typing), so only a URL we never wrote — a link to /models from the
  // header, back/forward — replaces the filters.
  if (search !== seenSearch) {
    setSeenSearch(search);
    if (!ownWrites.includes(search)) setFilters(parseCatalogParams(searchParams));
  }

  useEffect(() => {
    const write = () => {
      const { pathname, hash, search: current } = window.location;
      const next = withCatalogParams(current, filters);
      if (canonicalSearch(next) === canonicalSearch(current)) return;
      window.history.replaceState(null, "", `${pathname}${next ? `?${next}` : ""}${hash}`);
      setOwnWrites((writes) => [...writes.slice(-9), canonicalSearch(next)]);
    };
    const timer = window.setTimeout(write, URL_WRITE_DELAY_MS);
    // A press anywhere (a card, a header link) writes now: a write landing after a click has
    // started a navigation would cancel it.
    const flush = () => {
      window.clearTimeout(timer);
      write();
    };
    document.addEventListener("pointerdown", flush, { capture: true, once: true });
    // Also cancels a pending write when the page unmounts, so it cannot land on the next page.
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener("pointerdown", flush, { capture: true });
    };
  }, [filters]);

  return [filters, setFilters] as const;
}
