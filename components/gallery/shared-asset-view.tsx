import Link from "next/link";
import type { SharedAsset } from "@/lib/gallery/shared-asset";
import { ButtonLink } from "../ui/button";
import { Card } from "../ui/card";
import { ArrowRightIcon } from "../ui/icons";

/** The public page of one shared item: the media, what made it, and a way to try it. */
export function SharedAssetView({ asset, headline }: { asset: SharedAsset; headline: string }) {
  const base = `/s/${asset.shareId}`;
  return (
    <article className="mx-auto max-w-4xl space-y-6">
      <header className="space-y-1">
        <p className="text-sm text-muted-foreground">Shared from the each::labs Playground</p>
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{headline}</h1>
      </header>
      <Card className="overflow-hidden p-0">
        {asset.kind === "image" ? (
          <img
            src={`${base}/file`}
            alt={asset.prompt ?? headline}
            className="mx-auto max-h-[75vh] w-full bg-muted object-contain"
          />
        ) : asset.kind === "video" ? (
          <video
            src={`${base}/file`}
            poster={asset.hasPreview ? `${base}/thumb?w=640` : undefined}
            controls
            playsInline
            preload="metadata"
            className="max-h-[75vh] w-full bg-black"
            aria-label={headline}
          />
        ) : asset.kind === "audio" ? (
          <div className="p-6">
            <audio
              src={`${base}/file`}
              controls
              preload="metadata"
              className="w-full"
              aria-label={headline}
            />
          </div>
        ) : (
          <div className="p-6">
            <a href={`${base}/file`} className="font-medium text-primary underline">
              Open the file
            </a>
          </div>
        )}
      </Card>
      <div className="grid gap-6 sm:grid-cols-[1fr_auto] sm:items-start">
        <div className="space-y-3">
          {asset.prompt ? (
            <div>
              <h2 className="text-sm font-medium text-muted-foreground">Prompt</h2>
              <p className="mt-1 whitespace-pre-wrap" data-testid="shared-prompt">
                {asset.prompt}
              </p>
            </div>
          ) : null}
          {asset.modelSlug ? (
            <p className="text-sm text-muted-foreground">
              Made with{" "}
              <Link
                href={`/models/${asset.modelSlug}`}
                className="font-mono text-foreground hover:underline"
              >
                {asset.modelSlug}
              </Link>{" "}
              on{" "}
              {asset.createdAt.toLocaleDateString("en-US", {
                year: "numeric",
                month: "long",
                day: "numeric",
              })}
            </p>
          ) : null}
        </div>
        {asset.modelSlug ? (
          <ButtonLink href={`/models/${asset.modelSlug}`} size="lg">
            Try this model <ArrowRightIcon width={18} height={18} />
          </ButtonLink>
        ) : null}
      </div>
    </article>
  );
}
