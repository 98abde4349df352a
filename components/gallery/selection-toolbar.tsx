"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch } from "@/lib/client/api";
import type { AssetView } from "@/lib/shared/asset-types";
import { Button } from "../ui/button";
import { BusySpinner } from "./busy-spinner";
import { errorMessage } from "./error-message";
import { plural } from "./format";
import { DownloadIcon, ShareIcon, TrashIcon } from "./gallery-icons";
import { ASSETS_KEY } from "./gallery-url";
import { ShareDialog } from "./share-dialog";
import { startDownload, zipUrl } from "./download";
import { useDeleteAssets } from "./use-delete-assets";
import { useToast } from "./toast-context";

/** A count after a button's name, for the eye only: the status line says it aloud. */
function Count({ n }: { n: number }) {
  return n > 0 ? (
    <span aria-hidden="true" className="tabular-nums opacity-80">
      ({n})
    </span>
  ) : null;
}

/**
 * What to do with the selected items: download them as one zip, share one (a dialog) or
 * unshare the shared ones, delete them (with Undo). Sticks under the site header while the
 * grid scrolls.
 */
export function SelectionToolbar({
  selected,
  loadedIds,
  onSelectAll,
  onClear,
  onDone,
}: {
  selected: AssetView[];
  loadedIds: readonly string[];
  onSelectAll: () => void;
  onClear: () => void;
  onDone: () => void;
}) {
  const client = useQueryClient();
  const toast = useToast();
  const deleteAssets = useDeleteAssets();
  const [sharing, setSharing] = useState<AssetView | null>(null);
  const ids = selected.map((asset) => asset.id);
  const shared = selected.filter((asset) => asset.share);
  const none = selected.length === 0;

  const unshare = useMutation({
    mutationFn: (sharedIds: string[]) =>
      apiFetch<{ changed: number }>("/api/assets/bulk", {
        method: "POST",
        json: { action: "unshare", ids: sharedIds },
      }),
    onSuccess: ({ changed }) => {
      toast.show({
        tone: "success",
        message: `${plural(changed, "item")} unshared; their links no longer work.`,
      });
      void client.invalidateQueries({ queryKey: ASSETS_KEY });
    },
    onError: (error) =>
      toast.show({ tone: "error", message: `Could not unshare: ${errorMessage(error)}` }),
  });

  return (
    <div
      role="toolbar"
      aria-label="Selected items"
      className="sticky top-16 z-20 -mx-1 flex flex-wrap items-center gap-2 rounded-xl border border-border bg-popover/95 p-2 shadow-md backdrop-blur"
    >
      <p role="status" className="px-2 text-sm font-medium tabular-nums">
        {none ? "Select items" : `${selected.length} selected`}
      </p>
      <div className="flex flex-wrap gap-1">
        <Button variant="ghost" size="sm" onClick={onSelectAll} disabled={loadedIds.length === 0}>
          Select all
        </Button>
        {none ? null : (
          <Button variant="ghost" size="sm" onClick={onClear}>
            Clear
          </Button>
        )}
      </div>
      <div className="ml-auto flex flex-wrap gap-1.5">
        <Button
          variant="secondary"
          size="sm"
          disabled={none}
          onClick={() => {
            startDownload(zipUrl(ids));
            toast.show({
              message: `Preparing a zip of ${plural(ids.length, "item")}; your browser will save it.`,
            });
          }}
        >
          <DownloadIcon width={16} height={16} /> Download <Count n={selected.length} />
        </Button>
        {selected.length === 1 ? (
          <Button variant="secondary" size="sm" onClick={() => setSharing(selected[0]!)}>
            <ShareIcon width={16} height={16} /> Share
          </Button>
        ) : null}
        {shared.length > 0 ? (
          <Button
            variant="secondary"
            size="sm"
            disabled={unshare.isPending}
            onClick={() => unshare.mutate(shared.map((asset) => asset.id))}
          >
            {unshare.isPending ? <BusySpinner /> : null} Unshare <Count n={shared.length} />
          </Button>
        ) : null}
        <Button
          variant="destructive"
          size="sm"
          disabled={none}
          onClick={() => {
            deleteAssets(ids);
            onClear();
          }}
        >
          <TrashIcon width={16} height={16} /> Delete <Count n={selected.length} />
        </Button>
        <Button variant="ghost" size="sm" onClick={onDone}>
          Done
        </Button>
      </div>
      {sharing ? (
        <ShareDialog
          asset={selected.find((asset) => asset.id === sharing.id) ?? sharing}
          onClose={() => setSharing(null)}
        />
      ) : null}
    </div>
  );
}
