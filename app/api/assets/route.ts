import { NextResponse } from "next/server";
import { listAssets } from "@/lib/gallery/queries";
import { userHandler } from "@/lib/http/handler";
import { galleryFiltersSchema } from "@/lib/shared/gallery-filters";

/** A page of the person's gallery: filters and `cursor` in the query string. */
export const GET = userHandler(async (request, _context, user) => {
  const params = new URL(request.url).searchParams;
  const filters = galleryFiltersSchema.parse({
    ...Object.fromEntries(params),
    kind: params.getAll("kind").join(",") || undefined,
    source: params.getAll("source").join(",") || undefined,
  });
  return NextResponse.json(await listAssets(user.id, filters), {
    headers: { "Cache-Control": "no-store" },
  });
});
