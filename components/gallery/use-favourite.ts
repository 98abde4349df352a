"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import type { AssetView } from "@/lib/shared/asset-types";
import { patchAsset, putAsset } from "./asset-cache";
import { errorMessage } from "./error-message";
import { useToast } from "./toast-context";

/**
 * The star: lit at once in every cached copy, then confirmed by the server. A failure puts
 * it back and says so. Only the last of several quick presses writes the server's answer
 * back, so an early answer cannot flip the star under the person's finger.
 */
export function useFavourite(id: string) {
  const client = useQueryClient();
  const toast = useToast();
  const mutationKey = ["favourite", id];
  return useMutation({
    mutationKey,
    mutationFn: (favorite: boolean) =>
      // keepalive: a person who stars an asset and leaves the page at once keeps the star.
      apiFetch<{ asset: AssetView }>(`/api/assets/${id}`, {
        method: "PATCH",
        json: { favorite },
        keepalive: true,
      }),
    onMutate: (favorite) => patchAsset(client, id, (asset) => ({ ...asset, favorite })),
    onSuccess: ({ asset }) => {
      if (client.isMutating({ mutationKey }) <= 1) putAsset(client, asset);
    },
    onError: (error, favorite) => {
      patchAsset(client, id, (asset) => ({ ...asset, favorite: !favorite }));
      toast.show({
        tone: "error",
        message: `Could not ${favorite ? "add it to" : "remove it from"} your favourites. ${errorMessage(error)}`,
      });
    },
  });
}
