import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SharedAssetView } from "@/components/gallery/shared-asset-view";
import { env } from "@/lib/env";
import { findSharedAsset, type SharedAsset } from "@/lib/gallery/shared-asset";

type Props = { params: Promise<{ shareId: string }> };

function headline(asset: SharedAsset): string {
  const what =
    asset.kind === "video"
      ? "A video"
      : asset.kind === "audio"
        ? "A sound"
        : asset.kind === "image"
          ? "An image"
          : "Something";
  return asset.title ?? `${what} made with ${asset.modelSlug ?? "each::labs"}`;
}

// Link unfurlers (Slack, X, iMessage…) read these: the picture, and the video or audio itself.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const asset = await findSharedAsset((await params).shareId);
  if (!asset) return { title: "Not found", robots: { index: false } };
  const base = `/s/${asset.shareId}`;
  const image = asset.hasPreview
    ? {
        url: `${base}/thumb?w=640`,
        width: asset.width ?? undefined,
        height: asset.height ?? undefined,
      }
    : undefined;
  const description = asset.prompt
    ? asset.prompt.slice(0, 200)
    : "Made on the each::labs Playground.";
  return {
    metadataBase: new URL(env().auth.url ?? "http://localhost:3000"),
    title: headline(asset),
    description,
    robots: { index: false },
    openGraph: {
      type: asset.kind === "video" ? "video.other" : "website",
      title: headline(asset),
      description,
      url: base,
      images: image ? [image] : undefined,
      videos:
        asset.kind === "video"
          ? [
              {
                url: `${base}/file`,
                type: asset.contentType,
                width: asset.width ?? undefined,
                height: asset.height ?? undefined,
              },
            ]
          : undefined,
      audio:
        asset.kind === "audio" ? [{ url: `${base}/file`, type: asset.contentType }] : undefined,
    },
    twitter: {
      card: image ? "summary_large_image" : "summary",
      title: headline(asset),
      description,
      images: image ? [image.url] : undefined,
    },
  };
}

/** The public page of a shared item: no account needed, 404 once unshared. */
export default async function SharePage({ params }: Props) {
  const asset = await findSharedAsset((await params).shareId);
  if (!asset) notFound();
  return <SharedAssetView asset={asset} headline={headline(asset)} />;
}
