"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { apiFetch } from "@/lib/client/api";
import type { AssetView } from "@/lib/shared/asset-types";
import { cn } from "@/lib/shared/cn";
import type { RunView } from "@/lib/shared/run-types";
import { Alert } from "../ui/alert";
import { Card } from "../ui/card";
import { AssetActions } from "./asset-actions";
import { AssetFacts } from "./asset-facts";
import { AssetInputs } from "./asset-inputs";
import { KIND_LABELS } from "./asset-label";
import { AssetMedia } from "./asset-media";
import { AssetTitle } from "./asset-title";
import { errorMessage } from "./error-message";
import { FavouriteButton } from "./favourite-button";
import { assetKey } from "./gallery-url";
import { SharePanel } from "./share-panel";
import { useDeleteAssets } from "./use-delete-assets";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card className="p-4 sm:p-5">
      <h2 className="mb-3 font-semibold">{title}</h2>
      {children}
    </Card>
  );
}

/**
 * One item's page: the media full size, its title (renamable) and star, what made it, the
 * actions, sharing. The server page hydrates the asset into the query cache; every change
 * here updates that copy (and the grid's).
 */
export function AssetDetail({ id, run }: { id: string; run: RunView | null }) {
  const router = useRouter();
  const deleteAssets = useDeleteAssets();
  const [deleted, setDeleted] = useState(false);
  const query = useQuery({
    queryKey: assetKey(id),
    queryFn: async () => (await apiFetch<{ asset: AssetView }>(`/api/assets/${id}`)).asset,
    // Once deleted, asking again would only answer 404 during the undo window.
    enabled: !deleted,
  });
  const asset = query.data;

  if (!asset) {
    return query.isError ? (
      <Alert tone="error" title="Could not load this item">
        {errorMessage(query.error)}{" "}
        <Link href="/gallery" className="font-medium underline">
          Back to the gallery
        </Link>
      </Alert>
    ) : (
      <div className="h-96 animate-pulse rounded-xl bg-muted" aria-hidden="true" />
    );
  }

  function remove() {
    setDeleted(true);
    deleteAssets([id], {
      // Only if the person is still here: they may have gone elsewhere during the window.
      onGone: () => {
        if (window.location.pathname === `/gallery/${id}`) router.push("/gallery");
      },
      onRestored: () => setDeleted(false),
      onFailed: () => setDeleted(false),
    });
  }

  const inputs = run?.input ?? asset.inputs;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
        <Link href="/gallery" className="hover:text-foreground hover:underline">
          Gallery
        </Link>{" "}
        / <span>{KIND_LABELS[asset.kind]}</span>
      </nav>

      <header className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <AssetTitle asset={asset} disabled={deleted} />
        <div className="shrink-0 self-start">
          <FavouriteButton id={asset.id} favorite={asset.favorite} variant="page" />
        </div>
      </header>

      {deleted ? (
        <Alert tone="warning" title="Deleted">
          Going back to your gallery in a few seconds. Changed your mind? Press Undo in the
          notification.
        </Alert>
      ) : null}

      {/* One grid, so a phone shows the media, then what to do with it, then the inputs;
          wide screens put the side panel in its own column beside both. */}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:grid-rows-[auto_1fr]">
        <div className={cn("min-w-0 lg:col-start-1", deleted && "opacity-50")}>
          <AssetMedia asset={asset} />
        </div>
        <aside
          className="min-w-0 space-y-6 lg:col-start-2 lg:row-span-2 lg:row-start-1"
          aria-label="About this item"
        >
          <Section title="Details">
            <AssetFacts asset={asset} run={run} />
          </Section>
          <Section title="Actions">
            <AssetActions asset={asset} run={run} deleting={deleted} onDelete={remove} />
          </Section>
          <Section title="Share">
            {deleted ? (
              <p className="text-sm text-muted-foreground">Deleted items cannot be shared.</p>
            ) : (
              <SharePanel asset={asset} />
            )}
          </Section>
        </aside>
        <div
          className={cn(
            "min-w-0 self-start lg:col-start-1 lg:row-start-2",
            deleted && "opacity-50",
          )}
        >
          <Section title="Inputs">
            <AssetInputs inputs={inputs} />
          </Section>
        </div>
      </div>
    </div>
  );
}
