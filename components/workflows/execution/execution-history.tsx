"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { WorkflowExecutionSummaryView } from "@/lib/shared/workflow-api";
import { isTerminalExecution } from "@/lib/shared/workflow-types";
import { RelativeTime } from "../../chat/relative-time";
import { formatCost } from "../../gallery/format";
import { Card } from "../../ui/card";
import { ExecutionStatusBadge } from "../execution-status-badge";
import { executionHref, fetchExecutionsOf, workflowKeys } from "../workflow-cache";
import { inputsSummary } from "./inputs-summary";

/** The workflow's executions, newest first, refreshed while any is still going. */
export function ExecutionHistory({
  workflowId,
  initial,
}: {
  workflowId: string;
  initial: WorkflowExecutionSummaryView[];
}) {
  const executions = useQuery({
    queryKey: workflowKeys.executions(workflowId),
    queryFn: () => fetchExecutionsOf(workflowId),
    initialData: initial,
    staleTime: 5_000,
    refetchInterval: (query) =>
      query.state.data?.some((e) => !isTerminalExecution(e.status)) ? 3_000 : false,
  });
  const list = executions.data;
  return (
    <Card className="space-y-3 p-4 sm:p-5">
      <h2 className="text-lg font-semibold">Executions</h2>
      {list.length === 0 ? (
        <p className="text-sm text-muted-foreground">No runs yet. Runs you start appear here.</p>
      ) : (
        <ul aria-label="Executions" className="divide-y divide-border">
          {list.map((execution) => (
            <li key={execution.id} className="py-2 first:pt-0 last:pb-0">
              <Link
                href={executionHref(execution.id)}
                className="group flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md p-1.5 hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring"
              >
                <ExecutionStatusBadge status={execution.status} />
                <span className="font-mono text-xs">{execution.versionId}</span>
                <span className="text-xs text-muted-foreground">
                  <RelativeTime iso={execution.createdAt} />
                </span>
                {execution.totalCost !== null ? (
                  <span className="text-xs text-muted-foreground tabular-nums">
                    {formatCost(execution.totalCost)}
                  </span>
                ) : null}
                {execution.bulkId ? (
                  <span className="rounded-full border border-border px-1.5 text-xs text-muted-foreground">
                    bulk
                  </span>
                ) : null}
                <span className="w-full truncate text-sm text-muted-foreground group-hover:text-foreground">
                  {inputsSummary(execution.inputs) || "No inputs"}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
