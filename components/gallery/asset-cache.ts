// Keeps every cached copy of an asset — in each filtered list and on its own page — in step
// after a change, so a star pressed on the asset page is already lit back in the grid.
import type { InfiniteData, QueryClient } from "@tanstack/react-query";
import type { AssetPage, AssetView } from "@/lib/shared/asset-types";
import { ASSET_LISTS_KEY, assetKey } from "./gallery-url";

export type AssetPages = InfiniteData<AssetPage, string | null>;

function mapPages(data: AssetPages | undefined, map: (assets: AssetView[]) => AssetView[]) {
  if (!data) return data;
  return { ...data, pages: data.pages.map((page) => ({ ...page, assets: map(page.assets) })) };
}

/** Everything needed to put the caches back as they were when a change fails. */
export type CacheSnapshot = {
  lists: [readonly unknown[], AssetPages | undefined][];
  items: [readonly unknown[], AssetView | undefined][];
};

export function snapshotAssets(client: QueryClient, ids: readonly string[]): CacheSnapshot {
  return {
    lists: client.getQueriesData<AssetPages>({ queryKey: ASSET_LISTS_KEY }),
    items: ids.map((id) => [assetKey(id), client.getQueryData<AssetView>(assetKey(id))]),
  };
}

export function restoreSnapshot(client: QueryClient, snapshot: CacheSnapshot) {
  for (const [key, data] of [...snapshot.lists, ...snapshot.items]) client.setQueryData(key, data);
}

/** Applies `change` to the asset wherever it is cached. */
export function patchAsset(
  client: QueryClient,
  id: string,
  change: (asset: AssetView) => AssetView,
) {
  client.setQueriesData<AssetPages>({ queryKey: ASSET_LISTS_KEY }, (data) =>
    mapPages(data, (assets) => assets.map((asset) => (asset.id === id ? change(asset) : asset))),
  );
  client.setQueryData<AssetView>(assetKey(id), (asset) => (asset ? change(asset) : asset));
}

/** Stores the server's copy of an asset after a change. */
export function putAsset(client: QueryClient, next: AssetView) {
  patchAsset(client, next.id, () => next);
}

/** Takes assets out of every list at once (they come back by refetching, in order). */
export function removeAssets(client: QueryClient, ids: readonly string[]) {
  const gone = new Set(ids);
  client.setQueriesData<AssetPages>({ queryKey: ASSET_LISTS_KEY }, (data) =>
    mapPages(data, (assets) => assets.filter((asset) => !gone.has(asset.id))),
  );
}
