// An execution as a flat, ordered list of steps for the execution page: definition order
// (branch steps under their parallel/choice step, with depth and branch), each with its
// status from upstream's step_outputs. Browser-safe.
import { stepPlaces } from "./workflow-scope";
import {
  isRecord,
  isTerminalExecution,
  stepOutputsById,
  type BranchKind,
  type StepOutput,
} from "./workflow-types";

export type TimelineStatus = "waiting" | "running" | "done" | "failed" | "skipped" | "cancelled";

export type TimelineEntry = {
  stepId: string;
  type: string;
  /** The model that ran (the fallback's when it was used), else the definition's. */
  model: string | null;
  depth: number;
  /** The parallel/choice step it sits in. */
  parentId: string | null;
  branch: { kind: BranchKind; index: number; name: string } | null;
  status: TimelineStatus;
  /** A model step whose primary model failed and whose fallback produced the output. */
  fallbackUsed: boolean;
  /** Why the primary model failed, when the fallback ran. */
  primaryError: string | null;
  error: string | null;
  startedAt: string | null;
  completedAt: string | null;
  output: unknown;
  primary: unknown;
  /** Choice steps: the branch that ran ("condition_met", "default"), or null. */
  selected: string | null;
  metadata: Record<string, unknown>;
};

function timelineStatus(value: unknown, executionStatus: string | undefined): TimelineStatus {
  switch (String(value ?? "").toLowerCase()) {
    case "running":
    case "processing":
    case "starting":
      return "running";
    case "completed":
    case "succeeded":
    case "success":
    case "done":
      return "done";
    case "failed":
    case "error":
      return "failed";
    case "skipped":
      return "skipped";
    case "cancelled":
    case "canceled":
      return "cancelled";
    default:
      // A step still pending when the whole run is over never ran.
      return executionStatus && isTerminalExecution(executionStatus) ? "skipped" : "waiting";
  }
}

function text(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  return typeof value === "string" ? value : JSON.stringify(value);
}

function entryFor(
  stepId: string,
  base: { type: string; model: unknown; depth: number; parentId: string | null },
  branch: TimelineEntry["branch"],
  report: StepOutput | undefined,
  executionStatus: string | undefined,
): TimelineEntry {
  const metadata = isRecord(report?.metadata) ? report.metadata : {};
  const fallbackUsed = metadata.fallback_used === true;
  const model =
    typeof metadata.model === "string"
      ? metadata.model
      : typeof base.model === "string"
        ? base.model
        : null;
  return {
    stepId,
    type: base.type,
    model,
    depth: base.depth,
    parentId: base.parentId,
    branch,
    status: timelineStatus(report?.status, executionStatus),
    fallbackUsed,
    primaryError: fallbackUsed ? text(metadata.primary_error) : null,
    error: text(report?.error_cause) ?? text(report?.error),
    startedAt: typeof report?.started_at === "string" ? report.started_at : null,
    completedAt: typeof report?.completed_at === "string" ? report.completed_at : null,
    output: report?.output ?? null,
    primary: report?.primary ?? null,
    selected: typeof report?.selected === "string" ? report.selected : null,
    metadata,
  };
}

/**
 * Every step of the definition in order, with what upstream reported for it; steps upstream
 * reported that the definition lacks come last (depth 0). `executionStatus` lets steps still
 * pending in a finished execution read as skipped.
 */
export function stepTimeline(
  definition: { steps?: unknown } | null | undefined,
  stepOutputs: unknown,
  executionStatus?: string,
): TimelineEntry[] {
  const reports = stepOutputsById(stepOutputs);
  const places = stepPlaces(definition ?? {});
  const entries: TimelineEntry[] = [];
  for (const place of places.values()) {
    const last = place.ancestors.at(-1);
    entries.push(
      entryFor(
        place.stepId,
        {
          type: place.step.type,
          model: place.step.model,
          depth: place.depth,
          parentId: last?.container ?? null,
        },
        last ? { kind: last.branchKind, index: last.branch, name: last.branchName } : null,
        reports[place.stepId],
        executionStatus,
      ),
    );
  }
  for (const [stepId, report] of Object.entries(reports)) {
    if (places.has(stepId)) continue;
    entries.push(
      entryFor(
        stepId,
        {
          type: typeof report.kind === "string" ? report.kind : "model",
          model: undefined,
          depth: 0,
          parentId: null,
        },
        null,
        report,
        executionStatus,
      ),
    );
  }
  return entries;
}
