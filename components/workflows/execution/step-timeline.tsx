"use client";

import { outputUrls } from "@/lib/shared/run-output";
import type { WorkflowExecutionView } from "@/lib/shared/workflow-api";
import { stepTimeline } from "@/lib/shared/workflow-timeline";
import { assetForUrl, mediaSlots } from "./execution-media";
import { TimelineItem } from "./timeline-item";

/** Every step of the execution in definition order, live, with its output. */
export function StepTimeline({ execution }: { execution: WorkflowExecutionView }) {
  const entries = stepTimeline(execution.definition, execution.stepOutputs, execution.status);
  const slots = mediaSlots(execution);
  const selected = new Map(entries.map((entry) => [entry.stepId, entry.selected]));
  if (entries.length === 0)
    return (
      <p className="text-sm text-muted-foreground">
        each::workflows has not reported any step yet.
      </p>
    );
  return (
    <ol aria-label="Steps" className="space-y-2">
      {entries.map((entry) => {
        const files =
          entry.type === "model" && entry.status === "done"
            ? outputUrls(entry.output).map((url, index) => ({
                key: `${entry.stepId}-${index}`,
                asset: assetForUrl(execution, slots, url),
              }))
            : [];
        const ran = entry.parentId ? selected.get(entry.parentId) : null;
        const taken =
          entry.status === "skipped" &&
          entry.branch &&
          entry.branch.kind !== "parallel" &&
          ran &&
          ran !== entry.branch.kind &&
          ran !== entry.branch.name
            ? ran
            : null;
        return (
          <TimelineItem
            key={entry.stepId}
            entry={entry}
            files={files}
            saving={!execution.outputsSaved}
            takenBranch={taken}
          />
        );
      })}
    </ol>
  );
}
