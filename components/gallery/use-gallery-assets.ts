"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import type { AssetPage } from "@/lib/shared/asset-types";
import { assetListKey, assetsApiUrl, type GalleryUrlFilters } from "./gallery-url";

/**
 * The gallery's pages for these filters, newest first. The server page prefetches the first
 * page under the same key and hands it over with HydrationBoundary, so the grid paints with
 * the HTML; while a new filter loads, the previous items stay on screen (dimmed).
 */
export function useGalleryAssets(filters: GalleryUrlFilters) {
  return useInfiniteQuery({
    queryKey: assetListKey(filters),
    queryFn: ({ pageParam }) => apiFetch<AssetPage>(assetsApiUrl(filters, pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
