"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { apiFetch } from "@/lib/client/api";
import type { AssetView } from "@/lib/shared/asset-types";
import { Button } from "../ui/button";
import { Input } from "../ui/input";
import { KIND_LABELS } from "./asset-label";
import { putAsset } from "./asset-cache";
import { BusySpinner } from "./busy-spinner";
import { errorMessage } from "./error-message";
import { PencilIcon } from "./gallery-icons";

export function defaultTitle(asset: Pick<AssetView, "kind" | "modelSlug">): string {
  const kind = KIND_LABELS[asset.kind];
  return asset.modelSlug ? `${kind} from ${asset.modelSlug}` : kind;
}

/**
 * The asset's title, renamed in place: Rename opens a field (Enter or Save keeps it, Escape
 * or Cancel leaves it as it was); an empty title goes back to the default one. A failed
 * save keeps the field open with what was typed.
 */
export function AssetTitle({ asset, disabled }: { asset: AssetView; disabled?: boolean }) {
  const id = useId();
  const client = useQueryClient();
  const renameButton = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState("");
  const save = useMutation({
    mutationFn: (title: string | null) =>
      apiFetch<{ asset: AssetView }>(`/api/assets/${asset.id}`, {
        method: "PATCH",
        json: { title },
      }),
    onSuccess: ({ asset: saved }) => {
      putAsset(client, saved);
      close();
    },
  });

  function open() {
    setDraft(asset.title ?? "");
    save.reset();
    setEditing(true);
  }
  function close() {
    setEditing(false);
    // Back to where the person was, after React has put the button back.
    requestAnimationFrame(() => renameButton.current?.focus());
  }

  if (!editing) {
    return (
      <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1">
        <h1 className="min-w-0 text-2xl font-semibold tracking-tight break-words sm:text-3xl">
          {asset.title ?? defaultTitle(asset)}
        </h1>
        <Button ref={renameButton} variant="ghost" size="sm" onClick={open} disabled={disabled}>
          <PencilIcon width={16} height={16} /> Rename
        </Button>
      </div>
    );
  }

  return (
    <form
      className="w-full max-w-xl space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(draft.trim() || null);
      }}
    >
      <label htmlFor={`${id}-title`} className="text-sm font-medium">
        Title
      </label>
      <div className="flex flex-wrap gap-2">
        <Input
          id={`${id}-title`}
          value={draft}
          autoFocus
          maxLength={200}
          placeholder={defaultTitle(asset)}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.preventDefault();
              close();
            }
          }}
          aria-invalid={save.isError || undefined}
          aria-describedby={save.isError ? `${id}-error` : `${id}-hint`}
          className="min-w-0 flex-1 basis-60 text-base"
        />
        <div className="flex gap-2">
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? <BusySpinner /> : null}
            {save.isPending ? "Saving…" : "Save"}
          </Button>
          <Button variant="ghost" onClick={close} disabled={save.isPending}>
            Cancel
          </Button>
        </div>
      </div>
      {save.isError ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-destructive">
          Could not rename: {errorMessage(save.error)}
        </p>
      ) : (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          Enter saves, Escape cancels. Leave it empty for the default title.
        </p>
      )}
    </form>
  );
}
