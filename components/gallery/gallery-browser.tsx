"use client";

import { type CSSProperties, useCallback, useEffect, useMemo, useState } from "react";
import type { AssetView } from "@/lib/shared/asset-types";
import { Alert } from "../ui/alert";
import { Button, ButtonLink } from "../ui/button";
import { PageHeader } from "../ui/page-header";
import { AssetTile } from "./asset-tile";
import { errorMessage } from "./error-message";
import { plural } from "./format";
import { GalleryEmpty } from "./gallery-empty";
import { GalleryFilterBar } from "./gallery-filter-bar";
import { ChartIcon, SelectIcon } from "./gallery-icons";
import { type GalleryUrlFilters, hasActiveFilters, NO_GALLERY_FILTERS } from "./gallery-url";
import { JustifiedGrid } from "./justified-grid";
import { LoadMore } from "./load-more";
import { SelectionToolbar } from "./selection-toolbar";
import { useGalleryAssets } from "./use-gallery-assets";
import { useGalleryUrlState } from "./use-gallery-url-state";
import { useSelection } from "./use-selection";

function countText(shown: number, more: boolean): string {
  return more ? `${shown.toLocaleString("en-US")}+ items` : plural(shown, "item");
}

/** The gallery: filters (kept in the URL), the justified grid with infinite scroll, and a
 *  selection mode for downloading, sharing and deleting several items at once. */
export function GalleryBrowser({
  initialFilters,
  models,
}: {
  initialFilters: GalleryUrlFilters;
  models: readonly string[];
}) {
  const [filters, setFilters] = useGalleryUrlState(initialFilters);
  const query = useGalleryAssets(filters);
  const selection = useSelection();
  const assets = useMemo(
    () => query.data?.pages.flatMap((page) => page.assets) ?? [],
    [query.data],
  );
  const order = useMemo(() => assets.map((asset) => asset.id), [assets]);
  const selected = useMemo(
    () => assets.filter((asset) => selection.selected.has(asset.id)),
    [assets, selection.selected],
  );
  const filtered = hasActiveFilters(filters);
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = query;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [fetchNextPage, hasNextPage, isFetchingNextPage]);
  const clearFilters = useCallback(() => setFilters(NO_GALLERY_FILTERS), [setFilters]);
  const [selectAnnouncement, setSelectAnnouncement] = useState("");

  const { active: selecting, setMode } = selection;
  useEffect(() => {
    if (!selecting) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !document.querySelector("dialog[open]")) setMode(false);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [selecting, setMode]);

  const renderTile = (
    asset: AssetView,
    index: number,
    style: CSSProperties,
    width: number | null,
  ) => (
    <AssetTile
      key={asset.id}
      asset={asset}
      style={style}
      width={width}
      selection={
        selecting
          ? {
              selected: selection.selected.has(asset.id),
              onToggle: (range) => selection.toggle(asset.id, order, range),
            }
          : null
      }
    />
  );

  return (
    <div className="space-y-6">
      <PageHeader
        title="Gallery"
        description="Everything you made, kept for good."
        actions={
          <>
            <ButtonLink href="/gallery/usage" variant="secondary">
              <ChartIcon width={18} height={18} /> Usage
            </ButtonLink>
            <Button
              variant={selecting ? "primary" : "secondary"}
              aria-pressed={selecting}
              onClick={() => {
                setMode(!selecting);
                setSelectAnnouncement(
                  selecting ? "" : "Selection mode: choose items with their checkboxes.",
                );
              }}
              disabled={!selecting && assets.length === 0}
            >
              <SelectIcon width={18} height={18} /> Select
            </Button>
          </>
        }
      />
      <p role="status" className="sr-only">
        {selectAnnouncement}
      </p>

      <GalleryFilterBar
        filters={filters}
        update={setFilters}
        models={models}
        countText={query.data ? countText(assets.length, Boolean(hasNextPage)) : "Loading…"}
        updating={query.isFetching && !isFetchingNextPage}
        onClear={clearFilters}
      />

      {selecting ? (
        <SelectionToolbar
          selected={selected}
          loadedIds={order}
          onSelectAll={() => selection.selectAll(order)}
          onClear={selection.clear}
          onDone={() => setMode(false)}
        />
      ) : null}

      {query.isRefetchError ? (
        <Alert tone="warning">Could not refresh your gallery: {errorMessage(query.error)}</Alert>
      ) : null}

      {query.isError && !query.data ? (
        <Alert tone="error" title="Could not load your gallery">
          <p>{errorMessage(query.error)}</p>
          <Button
            variant="secondary"
            size="sm"
            className="mt-3"
            onClick={() => void query.refetch()}
          >
            Try again
          </Button>
        </Alert>
      ) : !query.data ? (
        <div className="h-64 animate-pulse rounded-xl bg-muted" aria-hidden="true" />
      ) : assets.length === 0 ? (
        <GalleryEmpty filtered={filtered} onClear={clearFilters} />
      ) : (
        <div
          className={
            query.isPlaceholderData ? "opacity-60 transition-opacity" : "transition-opacity"
          }
        >
          <JustifiedGrid
            assets={assets}
            label="Your gallery"
            busy={query.isPlaceholderData}
            renderTile={renderTile}
          />
          {hasNextPage ? (
            <LoadMore
              onLoad={loadMore}
              loading={isFetchingNextPage}
              error={query.isFetchNextPageError ? query.error : null}
              pages={query.data.pages.length}
            />
          ) : null}
        </div>
      )}
    </div>
  );
}
