import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { GalleryBrowser } from "@/components/gallery/gallery-browser";
import {
  assetListKey,
  listInput,
  paramsFromRecord,
  parseGalleryParams,
} from "@/components/gallery/gallery-url";
import { requireUser } from "@/lib/auth/session";
import { galleryModels, listAssets } from "@/lib/gallery/queries";
import { galleryFiltersSchema } from "@/lib/shared/gallery-filters";

export const metadata: Metadata = { title: "Gallery" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function GalleryPage({ searchParams }: Props) {
  const params = paramsFromRecord(await searchParams);
  const user = await requireUser(`/gallery${params.size ? `?${params}` : ""}`);
  const filters = parseGalleryParams(params);
  // The first page goes into the browser's query cache under the key the grid uses, so it
  // paints with the HTML and a later visit with newer data replaces an older cached copy.
  const queryClient = new QueryClient();
  const [models] = await Promise.all([
    galleryModels(user.id),
    queryClient.prefetchInfiniteQuery({
      queryKey: assetListKey(filters),
      queryFn: ({ pageParam }) =>
        listAssets(
          user.id,
          galleryFiltersSchema.parse({ ...listInput(filters), cursor: pageParam ?? undefined }),
        ),
      initialPageParam: null as string | null,
    }),
  ]);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <GalleryBrowser initialFilters={filters} models={models} />
    </HydrationBoundary>
  );
}
