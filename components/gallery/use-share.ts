"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import type { AssetView } from "@/lib/shared/asset-types";
import { putAsset } from "./asset-cache";
import { ASSETS_KEY } from "./gallery-url";

type Answer = { asset: AssetView | null };

/** Share (a new public link each time), change the shared page's options, or unshare. */
export function useShare(id: string) {
  const client = useQueryClient();
  const store = ({ asset }: Answer) => {
    if (asset) putAsset(client, asset);
    else void client.invalidateQueries({ queryKey: ASSETS_KEY });
  };
  const post = (body: { hidePrompt: boolean; keepExisting?: boolean }) =>
    apiFetch<Answer>(`/api/assets/${id}/share`, { method: "POST", json: body });

  return {
    /** A new link; an earlier one stops working. */
    share: useMutation({
      mutationFn: (hidePrompt: boolean) => post({ hidePrompt }),
      onSuccess: store,
    }),
    /** Same link, new options. */
    update: useMutation({
      mutationFn: (hidePrompt: boolean) => post({ hidePrompt, keepExisting: true }),
      onSuccess: store,
    }),
    unshare: useMutation({
      mutationFn: () => apiFetch<Answer>(`/api/assets/${id}/share`, { method: "DELETE" }),
      onSuccess: store,
    }),
  };
}
