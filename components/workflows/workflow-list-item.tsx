import Link from "next/link";
import type { WorkflowSummaryView } from "@/lib/shared/workflow-api";
import { RelativeTime } from "../chat/relative-time";
import { ExecutionStatusBadge } from "./execution-status-badge";
import { VersionStatusBadge } from "./version-status-badge";
import { executionHref, workflowHref } from "./workflow-cache";

const SOURCES: Record<string, string> = { sense: "each::sense", example: "example" };

/** One workflow in the list: name, categories, latest version, last execution. */
export function WorkflowListItem({ workflow }: { workflow: WorkflowSummaryView }) {
  const latest = workflow.latestVersion;
  const last = workflow.lastExecution;
  return (
    <li className="relative flex flex-col gap-3 rounded-xl border border-border bg-card p-4 shadow-sm transition hover:border-primary/40 sm:flex-row sm:items-center">
      <div className="min-w-0 flex-1 space-y-1.5">
        <div className="flex flex-wrap items-center gap-2">
          <Link
            href={workflowHref(workflow.id)}
            className="font-medium after:absolute after:inset-0 after:rounded-xl hover:underline focus-visible:outline-none"
          >
            {workflow.name}
          </Link>
          {SOURCES[workflow.source] ? (
            <span className="rounded-full border border-border px-2 py-0.5 text-xs text-muted-foreground">
              {SOURCES[workflow.source]}
            </span>
          ) : null}
        </div>
        {workflow.description ? (
          <p className="line-clamp-2 text-sm text-muted-foreground">{workflow.description}</p>
        ) : null}
        <div className="flex flex-wrap items-center gap-1.5 text-xs">
          {workflow.categories.map((category) => (
            <span
              key={category}
              className="rounded-full bg-accent px-2 py-0.5 text-accent-foreground"
            >
              {category}
            </span>
          ))}
          {latest ? (
            <span className="flex items-center gap-1.5 text-muted-foreground">
              <span className="font-mono">{latest.versionId}</span>·
              <span>
                {latest.stepCount} {latest.stepCount === 1 ? "step" : "steps"}
              </span>
              <VersionStatusBadge status={latest.status} locked={latest.locked} />
            </span>
          ) : null}
        </div>
      </div>
      <div className="relative flex shrink-0 items-center gap-2 text-sm text-muted-foreground sm:flex-col sm:items-end">
        {last ? (
          <>
            <Link
              href={executionHref(last.id)}
              className="rounded-full focus-visible:outline-2 focus-visible:outline-ring"
              aria-label={`Last run: ${last.status}`}
            >
              <ExecutionStatusBadge status={last.status} />
            </Link>
            <span className="text-xs">
              Last run <RelativeTime iso={last.createdAt} />
            </span>
          </>
        ) : (
          <span className="text-xs">Never run</span>
        )}
      </div>
    </li>
  );
}
