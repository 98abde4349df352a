"use client";

import type { CSSProperties } from "react";
import type { TimelineEntry, TimelineStatus } from "@/lib/shared/workflow-timeline";
import { cn } from "@/lib/shared/cn";
import { CheckIcon } from "../../gallery/gallery-icons";
import { XIcon } from "../../model-form/form-icons";
import { Elapsed } from "../../runs/elapsed";
import { Spinner } from "../../ui/spinner";
import { stepTypeLabel } from "../steps/step-types";
import { OutputView, type OutputFile } from "./output-view";

const STATUS_TEXT: Record<TimelineStatus, string> = {
  waiting: "Waiting",
  running: "Running",
  done: "Done",
  failed: "Failed",
  skipped: "Skipped",
  cancelled: "Cancelled",
};

const BRANCH_NAMES: Record<string, string> = { condition_met: "Condition met", default: "Default" };
export const branchName = (value: string) => BRANCH_NAMES[value] ?? value;

function StatusIcon({ status }: { status: TimelineStatus }) {
  const base = "grid size-6 shrink-0 place-items-center rounded-full";
  if (status === "running")
    return (
      <span className={cn(base, "bg-primary/10 text-primary")}>
        <Spinner className="size-3.5" label="Running" />
      </span>
    );
  if (status === "done")
    return (
      <span className={cn(base, "bg-success/15 text-success")} aria-hidden="true">
        <CheckIcon width={14} height={14} />
      </span>
    );
  if (status === "failed")
    return (
      <span className={cn(base, "bg-destructive/15 text-destructive")} aria-hidden="true">
        <XIcon width={14} height={14} />
      </span>
    );
  return (
    <span
      aria-hidden="true"
      className={cn(
        base,
        "border-2 border-dashed",
        status === "waiting" ? "border-border" : "border-muted-foreground/40",
      )}
    />
  );
}

function seconds(from: string, to: string): string {
  const s = Math.max(0, (Date.parse(to) - Date.parse(from)) / 1000);
  return s < 60 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

/** One step of an execution: status, timing, why it was skipped, fallback, its output. */
export function TimelineItem({
  entry,
  files,
  saving,
  takenBranch,
}: {
  entry: TimelineEntry;
  files: OutputFile[];
  saving: boolean;
  /** For a step skipped inside a choice: the branch that ran instead. */
  takenBranch: string | null;
}) {
  const cost = typeof entry.metadata.cost === "number" ? entry.metadata.cost : null;
  const container = entry.type === "parallel" || entry.type === "choice";
  return (
    <li
      data-status={entry.status}
      data-step-id={entry.stepId}
      style={{ "--depth": entry.depth } as CSSProperties}
      className={cn(
        "relative ml-[calc(var(--depth)*0.75rem)] flex gap-3 rounded-lg border border-border bg-card p-3 sm:ml-[calc(var(--depth)*1.75rem)]",
        entry.status === "skipped" && "bg-muted/40 text-muted-foreground",
        entry.status === "failed" && "border-destructive/50",
        entry.status === "running" && "border-primary/50",
      )}
    >
      <StatusIcon status={entry.status} />
      <div className="min-w-0 flex-1 space-y-2">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className="font-mono text-sm font-semibold break-all">{entry.stepId}</span>
          <span className="text-xs text-muted-foreground">
            {stepTypeLabel(entry.type)}
            {entry.model ? ` · ${entry.model}` : ""}
          </span>
          {entry.branch ? (
            <span className="rounded-full border border-border px-2 py-0.5 text-xs text-muted-foreground">
              in {branchName(entry.branch.name)}
            </span>
          ) : null}
          {entry.fallbackUsed ? (
            <span className="rounded-full bg-warning/20 px-2 py-0.5 text-xs font-medium text-foreground">
              Fallback used
            </span>
          ) : null}
          <span className="ml-auto text-xs text-muted-foreground tabular-nums">
            {STATUS_TEXT[entry.status]}
            {entry.status === "running" && entry.startedAt ? (
              <>
                {" · "}
                <Elapsed since={entry.startedAt} />
              </>
            ) : null}
            {entry.status === "done" && entry.startedAt && entry.completedAt
              ? ` · ${seconds(entry.startedAt, entry.completedAt)}`
              : null}
            {cost !== null && cost > 0 ? ` · $${cost.toFixed(3)}` : null}
          </span>
        </div>
        {entry.fallbackUsed && entry.primaryError ? (
          <p className="text-xs text-muted-foreground">Primary error: {entry.primaryError}</p>
        ) : null}
        {entry.status === "failed" ? (
          <p className="text-sm text-destructive">{entry.error ?? "This step failed."}</p>
        ) : null}
        {entry.status === "skipped" ? (
          <p className="text-xs">
            {takenBranch
              ? `Skipped: the “${branchName(takenBranch)}” branch ran instead.`
              : "Skipped: it never ran."}
          </p>
        ) : null}
        {entry.type === "choice" && entry.selected ? (
          <p className="text-xs text-muted-foreground">
            Took the “{branchName(entry.selected)}” branch.
          </p>
        ) : null}
        {entry.status === "done" && !container ? (
          <OutputView
            output={entry.output}
            files={files}
            saving={saving}
            label={`Output of ${entry.stepId}`}
            asData={entry.type !== "model"}
          />
        ) : null}
      </div>
    </li>
  );
}
