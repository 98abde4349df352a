import "server-only";
import { db } from "../db";

/**
 * For each model, the newest image this person made with it (a catalog card's thumbnail).
 * Their own outputs only: other people's work is private unless they share it.
 */
export async function exampleImagesFor(userId: string): Promise<Map<string, string>> {
  const rows = await db().$queryRaw<{ modelSlug: string; assetId: string }[]>`
    SELECT DISTINCT ON (r."modelSlug") r."modelSlug" AS "modelSlug", a.id AS "assetId"
    FROM "Asset" a JOIN "Run" r ON r.id = a."runId"
    WHERE a."userId" = ${userId} AND a.kind = 'image'
    ORDER BY r."modelSlug", a."createdAt" DESC`;
  return new Map(rows.map((row) => [row.modelSlug, `/api/assets/${row.assetId}/file`]));
}
