"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/client/api";
import type { AssetView } from "@/lib/shared/asset-types";
import type { RunView } from "@/lib/shared/run-types";
import { Alert } from "../ui/alert";
import { Button, ButtonLink, buttonClasses } from "../ui/button";
import { BusySpinner } from "./busy-spinner";
import { errorMessage } from "./error-message";
import { DownloadIcon, RepeatIcon, TrashIcon } from "./gallery-icons";

/**
 * What to do next with an item: open its run in the playground, run the same inputs again,
 * download it, delete it. Run again goes to the model page of the new run once it exists;
 * if it cannot start (a rate limit, a refused key) it says why here.
 */
export function AssetActions({
  asset,
  run,
  deleting,
  onDelete,
}: {
  asset: AssetView;
  run: RunView | null;
  deleting: boolean;
  onDelete: () => void;
}) {
  const router = useRouter();
  const slug = asset.modelSlug;
  const input = run?.input ?? asset.inputs;
  const runAgain = useMutation({
    mutationFn: () =>
      apiFetch<{ run: RunView }>("/api/runs", { method: "POST", json: { model: slug, input } }),
    onSuccess: ({ run: created }) =>
      router.push(
        `/models/${encodeURIComponent(created.modelSlug)}?run=${encodeURIComponent(created.id)}`,
      ),
  });
  // After a successful start the page is on its way to the model page: keep saying so.
  const starting = runAgain.isPending || runAgain.isSuccess;

  return (
    <div className="space-y-3">
      <div className="grid grid-cols-2 gap-2">
        {slug && asset.runId ? (
          <ButtonLink
            href={`/models/${encodeURIComponent(slug)}?run=${encodeURIComponent(asset.runId)}`}
            variant="secondary"
            className="col-span-2"
          >
            Open in playground
          </ButtonLink>
        ) : null}
        {slug && input ? (
          <Button
            variant="primary"
            className="col-span-2"
            disabled={starting || deleting}
            onClick={() => runAgain.mutate()}
          >
            {starting ? <BusySpinner /> : <RepeatIcon width={18} height={18} />}
            {starting ? "Starting…" : "Run again"}
          </Button>
        ) : null}
        <a href={asset.downloadUrl} download className={buttonClasses({ variant: "secondary" })}>
          <DownloadIcon width={18} height={18} /> Download
        </a>
        <Button
          variant="outline"
          className="text-destructive"
          onClick={onDelete}
          disabled={deleting}
        >
          <TrashIcon width={18} height={18} /> Delete
        </Button>
      </div>
      {runAgain.isError ? (
        <Alert tone="error" title="Could not start the run">
          {errorMessage(runAgain.error)}
        </Alert>
      ) : null}
    </div>
  );
}
