"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { apiFetch } from "@/lib/client/api";
import { removeAssets, restoreSnapshot, snapshotAssets } from "./asset-cache";
import { errorMessage } from "./error-message";
import { plural } from "./format";
import { ASSETS_KEY } from "./gallery-url";
import { useToast } from "./toast-context";

/** The server keeps deleted items for 30 s; the toast offers Undo for a safe part of that. */
export const UNDO_WINDOW_MS = 6000;

function bulk(action: "delete" | "restore", ids: readonly string[]) {
  return apiFetch<{ changed: number }>("/api/assets/bulk", {
    method: "POST",
    json: { action, ids },
  });
}

type DeleteEvents = {
  /** The undo window passed (or the toast was closed): the delete stands. */
  onGone?: () => void;
  onRestored?: () => void;
  /** The server refused; the items are back. */
  onFailed?: () => void;
};

/**
 * Delete with undo: the items leave every list at once, the server hides them, and a toast
 * offers Undo for a few seconds. If the server refuses, they come back and the toast says
 * why. The asset page follows along with `events` (it leaves for the gallery once the delete
 * stands).
 */
export function useDeleteAssets() {
  const client = useQueryClient();
  const toast = useToast();

  return useCallback(
    (ids: readonly string[], events: DeleteEvents = {}) => {
      const snapshot = snapshotAssets(client, ids);
      removeAssets(client, ids);
      let failed = false;
      const request = bulk("delete", ids);
      const what = ids.length === 1 ? "Item" : plural(ids.length, "item");
      const toastId = toast.show({
        message: `${what} deleted`,
        durationMs: UNDO_WINDOW_MS,
        action: {
          label: "Undo",
          pendingLabel: "Restoring…",
          run: async () => {
            await request;
            await bulk("restore", ids);
            await client.invalidateQueries({ queryKey: ASSETS_KEY });
            events.onRestored?.();
            toast.show({ tone: "success", message: `${what} restored`, durationMs: 3000 });
          },
        },
        onClose: (reason) => {
          if (reason !== "action" && !failed) events.onGone?.();
        },
      });
      request.catch((error: unknown) => {
        failed = true;
        toast.dismiss(toastId);
        restoreSnapshot(client, snapshot);
        events.onFailed?.();
        void client.invalidateQueries({ queryKey: ASSETS_KEY });
        toast.show({
          tone: "error",
          message: `Could not delete: ${errorMessage(error)}`,
          durationMs: 8000,
        });
      });
    },
    [client, toast],
  );
}
