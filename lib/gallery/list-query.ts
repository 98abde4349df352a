import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { GalleryFilters } from "../shared/gallery-filters";
import type { Cursor } from "./cursor";

/**
 * The gallery page query, in SQL so its plan can be inspected (bench/gallery.ts prints it):
 * the owner and the keyset are in the WHERE clause and the order matches the
 * (userId, createdAt DESC, id DESC) index, so page 1 and page 250 cost the same.
 */
export function assetListQuery(
  userId: string,
  filters: GalleryFilters,
  cursor: Cursor | null,
): Prisma.Sql {
  const where: Prisma.Sql[] = [Prisma.sql`"userId" = ${userId}`, Prisma.sql`"deletedAt" IS NULL`];
  if (filters.kind.length > 0) where.push(Prisma.sql`"kind" IN (${Prisma.join(filters.kind)})`);
  if (filters.source.length > 0)
    where.push(Prisma.sql`"source" IN (${Prisma.join(filters.source)})`);
  if (filters.model) where.push(Prisma.sql`"modelSlug" = ${filters.model}`);
  if (filters.favorites) where.push(Prisma.sql`"favorite" = true`);
  if (filters.from)
    where.push(Prisma.sql`"createdAt" >= ${new Date(`${filters.from}T00:00:00.000Z`)}`);
  if (filters.to)
    where.push(
      Prisma.sql`"createdAt" < ${new Date(new Date(`${filters.to}T00:00:00.000Z`).getTime() + 86_400_000)}`,
    );
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    where.push(Prisma.sql`("prompt" ILIKE ${pattern} OR "title" ILIKE ${pattern})`);
  }
  if (cursor) where.push(Prisma.sql`("createdAt", "id") < (${cursor.createdAt}, ${cursor.id})`);
  return Prisma.sql`SELECT * FROM "Asset" WHERE ${Prisma.join(where, " AND ")} ORDER BY "createdAt" DESC, "id" DESC LIMIT ${filters.limit + 1}`;
}
