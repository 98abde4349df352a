"use client";

import { useQuery } from "@tanstack/react-query";
import type { WorkflowExecutionView } from "@/lib/shared/workflow-api";
import { isTerminalExecution } from "@/lib/shared/workflow-types";
import { fetchExecution, workflowKeys } from "../workflow-cache";

/** Past this many answers the page stops asking (a quarter of an hour at one a second). */
const MAX_POLLS = 900;

/** Done: finished upstream and every output copied, so nothing on the page can change. */
export function isSettled(execution: WorkflowExecutionView): boolean {
  return isTerminalExecution(execution.status) && execution.outputsSaved;
}

/**
 * An execution, asked about every second until it ends and its outputs are saved (the
 * server refreshes from upstream at most once a second, so asking faster gains nothing).
 */
export function useExecution(initial: WorkflowExecutionView) {
  return useQuery({
    queryKey: workflowKeys.execution(initial.id),
    queryFn: () => fetchExecution(initial.id),
    initialData: initial,
    staleTime: 0,
    refetchInterval: (query) => {
      const data = query.state.data;
      if (data && isSettled(data)) return false;
      if (query.state.dataUpdateCount > MAX_POLLS) return false;
      return 1000;
    },
    refetchIntervalInBackground: true,
    retry: 3,
  });
}
