"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/api";
import { isTerminal } from "@/lib/shared/run-status";
import type { RunView } from "@/lib/shared/run-types";

/** How often to ask about a running run: quickly at first, then backing off to 3 s. */
export function pollInterval(run: RunView | undefined, polls: number): number | false {
  if (!run) return 1000;
  if (isTerminal(run.status) && (run.status !== "succeeded" || run.outputsSaved)) return false;
  return Math.min(3000, 750 + polls * 250);
}

export function runQueryKey(runId: string) {
  return ["run", runId] as const;
}

/** A run, kept live until it ends and its files are saved. */
export function useRun(runId: string | null, initial?: RunView) {
  return useQuery({
    queryKey: runQueryKey(runId ?? "none"),
    queryFn: async () => (await apiFetch<{ run: RunView }>(`/api/runs/${runId}`)).run,
    enabled: Boolean(runId),
    initialData: initial && initial.id === runId ? initial : undefined,
    staleTime: 0,
    refetchInterval: (query) => pollInterval(query.state.data, query.state.dataUpdateCount),
    refetchIntervalInBackground: true,
    retry: 3,
  });
}
