import Link from "next/link";
import { cn } from "@/lib/shared/cn";
import { WorkflowIcon } from "../ui/icons";
import { ProgressBar } from "./progress-bar";
import type { WorkflowView } from "./workflow-view";

const STEP_TONE: Record<string, string> = {
  completed: "bg-success/15 text-success",
  failed: "bg-destructive/15 text-destructive",
  running: "bg-primary/15 text-primary",
};

/** The workflow each::sense built or ran: its id, its steps and the run's progress. */
export function WorkflowCard({ workflow }: { workflow: WorkflowView }) {
  const run = workflow.execution;
  const percent =
    run?.percent ??
    (run?.completedSteps != null && run.totalSteps
      ? (run.completedSteps / run.totalSteps) * 100
      : null);
  return (
    <section
      aria-label="Workflow"
      className="space-y-2 rounded-lg border border-border bg-card px-3 py-2.5 text-sm"
    >
      <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
        <WorkflowIcon width={16} height={16} className="shrink-0 text-muted-foreground" />
        <span className="font-medium">{workflow.name ?? "Workflow"}</span>
        {workflow.stepsCount != null ? (
          <span className="text-muted-foreground">
            · {workflow.stepsCount} {workflow.stepsCount === 1 ? "step" : "steps"}
          </span>
        ) : null}
        {workflow.actions.length > 0 ? (
          <span className="text-xs text-muted-foreground">· {workflow.actions.join(", ")}</span>
        ) : null}
      </div>
      {workflow.workflowId ? (
        <p className="truncate font-mono text-xs text-muted-foreground">
          <Link href="/workflows" className="hover:underline">
            {workflow.workflowId}
          </Link>
          {workflow.versionId ? ` · ${workflow.versionId}` : null}
        </p>
      ) : null}
      {run ? (
        <div className="space-y-1.5">
          <div className="flex justify-between text-xs text-muted-foreground">
            <span>
              Run {run.status}
              {run.completedSteps != null && run.totalSteps != null
                ? ` · ${run.completedSteps}/${run.totalSteps} steps`
                : null}
            </span>
            {percent != null ? <span className="tabular-nums">{Math.round(percent)}%</span> : null}
          </div>
          {percent != null ? <ProgressBar percent={percent} label="Workflow run" /> : null}
          {run.steps.length > 0 ? (
            <ul className="flex flex-wrap gap-1.5">
              {run.steps.map((step) => (
                <li
                  key={step.id}
                  className={cn(
                    "rounded-full px-2 py-0.5 text-xs",
                    STEP_TONE[step.status] ?? "bg-muted text-muted-foreground",
                  )}
                >
                  {step.id}
                  {step.model ? ` · ${step.model}` : ""}: {step.status}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
