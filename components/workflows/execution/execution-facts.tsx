import type { ReactNode } from "react";
import type { WorkflowExecutionView } from "@/lib/shared/workflow-api";
import { formatCost } from "../../gallery/format";
import { LocalTime } from "../../gallery/local-time";

function duration(from: string, to: string): string {
  const s = Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000);
  return s < 60 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

/** When it ran, how long, what it cost. */
export function ExecutionFacts({
  execution,
  stepCost,
}: {
  execution: WorkflowExecutionView;
  /** What the steps report they cost, for when the platform sends no total. */
  stepCost: number | null;
}) {
  const rows: [string, ReactNode][] = [
    [
      "Version",
      <span key="v" className="font-mono">
        {execution.versionId}
      </span>,
    ],
    ["Started", <LocalTime key="s" iso={execution.startedAt ?? execution.createdAt} />],
  ];
  if (execution.completedAt) {
    rows.push(["Finished", <LocalTime key="f" iso={execution.completedAt} />]);
    rows.push([
      "Took",
      duration(execution.startedAt ?? execution.createdAt, execution.completedAt),
    ]);
  }
  rows.push([
    "Total cost",
    <span key="c" data-testid="execution-cost" className="tabular-nums">
      {execution.totalCost !== null
        ? formatCost(execution.totalCost)
        : stepCost !== null
          ? `${formatCost(stepCost)} (sum of the steps)`
          : "—"}
    </span>,
  ]);
  if (execution.publicRef)
    rows.push([
      "Shared workflow",
      <span key="p" className="font-mono">
        {execution.publicRef}
      </span>,
    ]);
  if (execution.bulkId)
    rows.push([
      "Bulk run",
      <span key="b" className="font-mono break-all">
        {execution.bulkId}
      </span>,
    ]);
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-muted-foreground">{term}</dt>
          <dd className="min-w-0 font-medium">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
