import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AssetDetail } from "@/components/gallery/asset-detail";
import { assetCaption } from "@/components/gallery/asset-label";
import { assetKey } from "@/components/gallery/gallery-url";
import { getCurrentUser, requireUser } from "@/lib/auth/session";
import { findAsset } from "@/lib/gallery/queries";
import { findRun } from "@/lib/runs/queries";

type Props = { params: Promise<{ id: string }> };

// The metadata and the page both need the asset: one query per request.
const loadAsset = cache(findAsset);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await getCurrentUser();
  const asset = user ? await loadAsset(user.id, (await params).id) : null;
  const caption = asset ? assetCaption(asset) : "Gallery";
  return { title: caption.length > 60 ? `${caption.slice(0, 60)}…` : caption };
}

export default async function AssetPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/gallery/${encodeURIComponent(id)}`);
  const asset = await loadAsset(user.id, id);
  if (!asset) notFound();
  // The run has the figures the asset does not keep: predict time, and cost as billed.
  const run = asset.runId ? await findRun(user.id, asset.runId) : null;
  const queryClient = new QueryClient();
  queryClient.setQueryData(assetKey(id), asset);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <AssetDetail id={id} run={run} />
    </HydrationBoundary>
  );
}
