import type { Dialect } from "../options.js";
import { stepIdOf, type Step, type StepType, type WorkflowDefinition } from "./types.js";

/** queued (accepted, 202) → running → completed | failed | cancelled, the same names in both dialects. */
export type ExecutionStatus = "queued" | "running" | "completed" | "failed" | "cancelled";
export type StepStatus = "pending" | "running" | "completed" | "failed" | "skipped" | "cancelled";

export const TERMINAL_EXECUTION: ReadonlySet<ExecutionStatus> = new Set([
  "completed",
  "failed",
  "cancelled",
]);

export interface StepState {
  step_id: string;
  kind: StepType;
  status: StepStatus;
  startedAt: Date | null;
  completedAt: Date | null;
  output: unknown;
  primary: unknown;
  metadata: Record<string, unknown>;
  error: string | null;
  /** Summed cost of this step's successful predictions. */
  cost: number;
  /** The parallel/choice step it sits in, if any. */
  parent: string | null;
  /** Choice steps: "condition_met", "default", or null when neither branch ran. */
  selected?: string | null;
}

export interface ExecutionRecord {
  id: string;
  /** The key it runs (and is billed) under; only that key can read it. */
  key: string;
  workflowId: string;
  versionId: string;
  workflowName: string;
  bulkId: string | null;
  status: ExecutionStatus;
  /** The inputs after validation, with input_schema defaults filled in. */
  inputs: Record<string, unknown>;
  definition: WorkflowDefinition;
  outputMapping: Record<string, string> | null;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
  /** Every step of the definition, branch steps included, in definition order. */
  steps: Map<string, StepState>;
  output: unknown;
  workflowOutput: Record<string, unknown> | null;
  error: string | null;
  errorCause: string | null;
  totalCost: number;
  webhook: { url: string; secret: string | null } | null;
  /** How it was started: the API, a public link, a bulk trigger, or each::sense. */
  source: "api" | "public" | "bulk" | "sense";
  abort: AbortController;
  /** Settles when the execution is terminal. */
  settled: Promise<void>;
  resolveSettled(): void;
}

export function isTerminalExecution(record: ExecutionRecord): boolean {
  return TERMINAL_EXECUTION.has(record.status);
}

/** One pending StepState per step of the definition (branch steps too), in definition order. */
export function initialStepStates(steps: readonly Step[]): Map<string, StepState> {
  const states = new Map<string, StepState>();
  const visit = (list: readonly Step[], parent: string | null) => {
    for (const step of list) {
      const id = stepIdOf(step);
      states.set(id, {
        step_id: id,
        kind: step.type,
        status: "pending",
        startedAt: null,
        completedAt: null,
        output: null,
        primary: null,
        metadata: {},
        error: null,
        cost: 0,
        parent,
        ...(step.type === "choice" ? { selected: null } : {}),
      });
      if (step.type === "parallel") for (const branch of step.branches) visit(branch.steps, id);
      if (step.type === "choice")
        for (const branch of [step.condition_met_branch, step.default_branch])
          if (branch !== undefined) visit(branch.steps, id);
    }
  };
  visit(steps, null);
  return states;
}

function iso(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}

export function stepOutputView(state: StepState): Record<string, unknown> {
  return {
    step_id: state.step_id,
    kind: state.kind,
    status: state.status,
    started_at: iso(state.startedAt),
    completed_at: iso(state.completedAt),
    output: state.output ?? null,
    primary: state.primary ?? null,
    metadata: state.metadata,
    ...(state.selected !== undefined ? { selected: state.selected } : {}),
    ...(state.error !== null ? { error: state.error, error_cause: state.error } : {}),
  };
}

/**
 * GET /executions/{id}. Reference: `{execution_id, workflow_id, status,
 * started_at, completed_at, inputs, step_outputs, output}` (+ `error`,
 * `error_cause` when failed, `bulk_id` when bulk). Official adds `version_id`,
 * `bulk_id` (null), `workflow_output`, `error`/`error_cause` (null unless
 * failed) and `total_cost` once terminal; `started_at` is omitted until the run
 * starts. `output` is null until completed.
 */
export function executionView(record: ExecutionRecord, dialect: Dialect): Record<string, unknown> {
  const stepOutputs = Object.fromEntries(
    [...record.steps.values()].map((state) => [state.step_id, stepOutputView(state)]),
  );
  const output = record.status === "completed" ? record.output : null;
  const failed = record.status === "failed";
  if (dialect === "official") {
    return {
      execution_id: record.id,
      workflow_id: record.workflowId,
      version_id: record.versionId,
      bulk_id: record.bulkId,
      status: record.status,
      ...(record.startedAt === null ? {} : { started_at: iso(record.startedAt) }),
      completed_at: iso(record.completedAt),
      inputs: record.inputs,
      step_outputs: stepOutputs,
      output,
      workflow_output: record.status === "completed" ? record.workflowOutput : null,
      error: failed ? record.error : null,
      error_cause: failed ? record.errorCause : null,
      ...(isTerminalExecution(record) ? { total_cost: roundCost(record.totalCost) } : {}),
    };
  }
  return {
    execution_id: record.id,
    workflow_id: record.workflowId,
    ...(record.bulkId === null ? {} : { bulk_id: record.bulkId }),
    status: record.status,
    started_at: iso(record.startedAt),
    completed_at: iso(record.completedAt),
    inputs: record.inputs,
    step_outputs: stepOutputs,
    output,
    ...(failed ? { error: record.error, error_cause: record.errorCause } : {}),
  };
}

/** A row of GET /workflows/{id}/executions. */
export function executionSummary(record: ExecutionRecord): Record<string, unknown> {
  return {
    execution_id: record.id,
    flow_id: record.workflowId,
    flow_name: record.workflowName,
    version_id: record.versionId,
    bulk_id: record.bulkId,
    status: record.status,
    started_at: iso(record.startedAt),
    ended_at: iso(record.completedAt),
    created_at: record.createdAt.toISOString(),
    updated_at: (record.completedAt ?? record.startedAt ?? record.createdAt).toISOString(),
  };
}

/**
 * The webhook body on a terminal state, or null when none is sent. Official:
 * the Get-Execution body (nothing on cancel). Reference: success
 * `{execution_id, workflow_id, status: "completed", inputs, step_outputs, output}`,
 * failure `{execution_id, workflow_id, status: "failed", error: "ExecutionFailed", error_cause}`,
 * cancel `{execution_id, workflow_id, status: "cancelled", inputs}`; `bulk_id` added for bulk runs.
 */
export function executionWebhookPayload(
  record: ExecutionRecord,
  dialect: Dialect,
): Record<string, unknown> | null {
  if (dialect === "official")
    return record.status === "cancelled" ? null : executionView(record, dialect);
  const bulk = record.bulkId === null ? {} : { bulk_id: record.bulkId };
  const base = { execution_id: record.id, workflow_id: record.workflowId, ...bulk };
  switch (record.status) {
    case "completed":
      return {
        ...base,
        status: "completed",
        inputs: record.inputs,
        step_outputs: executionView(record, dialect).step_outputs,
        output: record.output,
      };
    case "failed":
      return { ...base, status: "failed", error: record.error, error_cause: record.errorCause };
    case "cancelled":
      return { ...base, status: "cancelled", inputs: record.inputs };
    default:
      return null;
  }
}

export function roundCost(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
