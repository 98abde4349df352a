"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch, type ApiError } from "@/lib/client/api";
import type { VersionStatus, WorkflowDetailView } from "@/lib/shared/workflow-api";
import type { WorkflowDefinition } from "@/lib/shared/workflow-types";
import { workflowKeys } from "../workflow-cache";

export type VersionAction =
  | { kind: "save"; versionId: string; definition: WorkflowDefinition }
  | { kind: "new"; definition: WorkflowDefinition }
  | { kind: "lock"; versionId: string; locked: boolean }
  | { kind: "status"; versionId: string; status: VersionStatus }
  | { kind: "share"; versionId: string; shared: boolean };

type Answer = { versionId: string; workflow: WorkflowDetailView };

function request(workflowId: string, action: VersionAction): Promise<Answer> {
  const base = `/api/workflows/${workflowId}/versions`;
  if (action.kind === "new")
    return apiFetch<Answer>(base, { method: "POST", json: { definition: action.definition } });
  const body =
    action.kind === "save"
      ? { definition: action.definition }
      : action.kind === "lock"
        ? { locked: action.locked }
        : action.kind === "status"
          ? { status: action.status }
          : { allowedToShare: action.shared };
  return apiFetch<Answer>(`${base}/${encodeURIComponent(action.versionId)}`, {
    method: "PUT",
    json: body,
  });
}

/** Save, save as new, lock, archive, share: one mutation, its result put in the cache. */
export function useVersionActions(
  workflowId: string,
  onDone: (action: VersionAction, answer: Answer) => void,
) {
  const queryClient = useQueryClient();
  return useMutation<Answer, ApiError, VersionAction>({
    mutationFn: (action) => request(workflowId, action),
    onSuccess: (answer, action) => {
      queryClient.setQueryData(workflowKeys.detail(workflowId), answer.workflow);
      void queryClient.invalidateQueries({ queryKey: workflowKeys.list });
      onDone(action, answer);
    },
  });
}

/** What a toast says once an action worked. */
export function doneMessage(action: VersionAction, answer: Answer): string {
  switch (action.kind) {
    case "save":
      return `Saved ${answer.versionId}.`;
    case "new":
      return `Saved as ${answer.versionId}; it is now the latest version.`;
    case "lock":
      return action.locked ? `${action.versionId} is locked.` : `${action.versionId} is unlocked.`;
    case "status":
      return action.status === "archived"
        ? `${action.versionId} is archived.`
        : `${action.versionId} is ${action.status} again.`;
    case "share":
      return action.shared
        ? `${action.versionId} is shared: anyone with the link can see and run it.`
        : `${action.versionId} is no longer shared.`;
  }
}
