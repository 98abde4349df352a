import "server-only";
import { db } from "../db";
import type { Asset } from "../generated/prisma/client";
import type { AssetPage, AssetView } from "../shared/asset-types";
import type { GalleryFilters } from "../shared/gallery-filters";
import { toAssetView } from "./asset-view";
import { decodeCursor, encodeCursor } from "./cursor";
import { assetListQuery } from "./list-query";

/** One page of a person's gallery, newest first. */
export async function listAssets(userId: string, filters: GalleryFilters): Promise<AssetPage> {
  const rows = await db().$queryRaw<Asset[]>(
    assetListQuery(userId, filters, decodeCursor(filters.cursor)),
  );
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  return {
    assets: page.map(toAssetView),
    nextCursor:
      rows.length > filters.limit && last
        ? encodeCursor({ createdAt: last.createdAt, id: last.id })
        : null,
  };
}

/** One asset of this person's (not deleted), or null: the owner is part of the query. */
export async function findAsset(userId: string, id: string): Promise<AssetView | null> {
  const asset = await db().asset.findFirst({ where: { id, userId, deletedAt: null } });
  return asset ? toAssetView(asset) : null;
}

/** The models this person has outputs from, for the gallery's model filter. */
export async function galleryModels(userId: string): Promise<string[]> {
  const rows = await db().asset.findMany({
    where: { userId, deletedAt: null, modelSlug: { not: null } },
    distinct: ["modelSlug"],
    select: { modelSlug: true },
    orderBy: { modelSlug: "asc" },
  });
  return rows.flatMap((row) => (row.modelSlug ? [row.modelSlug] : []));
}
