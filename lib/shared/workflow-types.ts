// Workflow definitions as each::workflows takes them (reference "Workflow Structure" and the
// official pages), read leniently: steps may be keyed by `id` or `step_id`, unknown fields are
// kept. Browser-safe: the editor, the execution page and the server share these.
import { z } from "zod";

export const STEP_TYPES = ["model", "http", "python", "parallel", "choice", "pass"] as const;
export type StepType = (typeof STEP_TYPES)[number];

export const CONDITION_OPERATORS = [
  "equals",
  "not_equals",
  "greater_than",
  "less_than",
  "greater_than_or_equal",
  "less_than_or_equal",
  "string_equals",
  "string_matches",
  "in",
  "not_in",
  "exists",
  "not_exists",
  "is_null",
  "is_not_null",
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];
/** Existence tests take no `value`. */
export const VALUELESS_OPERATORS: ReadonlySet<string> = new Set([
  "exists",
  "not_exists",
  "is_null",
  "is_not_null",
]);

export type ConditionLeaf = { expression: string; operator: string; value?: unknown };
export type Condition =
  ConditionLeaf | { and: Condition[] } | { or: Condition[] } | { not: Condition };

export type RetryConfig = {
  max_attempts?: number;
  initial_delay_seconds?: number;
  delay_seconds?: number;
  backoff_multiplier?: number;
  backoff?: number | string;
  retry_on?: string[];
  [key: string]: unknown;
};

export type FallbackConfig = {
  enabled?: boolean;
  model?: string;
  params?: Record<string, unknown>;
  [key: string]: unknown;
};

/** A parallel branch (`name`), or a choice branch (`name` and a label `step_id`, not a step). */
export type WorkflowBranch = {
  name?: string;
  step_id?: string;
  steps: WorkflowStep[];
  [key: string]: unknown;
};

export type WorkflowStep = {
  id?: string;
  step_id?: string;
  type: string;
  continue_on_error?: boolean;
  timeout_seconds?: number;
  retry?: RetryConfig;
  // model
  model?: string;
  params?: Record<string, unknown>;
  fallback?: FallbackConfig;
  // http
  url?: string;
  method?: string;
  headers?: Record<string, unknown>;
  body?: unknown;
  auth?: Record<string, unknown>;
  timeout?: number;
  // python
  code?: string;
  inputs?: Record<string, unknown>;
  // parallel
  branches?: WorkflowBranch[];
  // choice
  condition?: Condition;
  condition_met_branch?: WorkflowBranch;
  default_branch?: WorkflowBranch;
  // pass
  result?: unknown;
  [key: string]: unknown;
};

export type WorkflowInputSchema = {
  type?: string;
  properties?: Record<string, Record<string, unknown>>;
  required?: string[];
  [key: string]: unknown;
};

export type WorkflowDefinition = {
  version?: string;
  input_schema?: WorkflowInputSchema;
  steps: WorkflowStep[];
  output_mapping?: Record<string, string>;
  timeout_seconds?: number;
  retry?: RetryConfig;
  [key: string]: unknown;
};

const record = z.record(z.string(), z.unknown());

const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.looseObject({ and: z.array(conditionSchema) }),
    z.looseObject({ or: z.array(conditionSchema) }),
    z.looseObject({ not: conditionSchema }),
    z.looseObject({ expression: z.string(), operator: z.string(), value: z.unknown().optional() }),
  ]),
) as z.ZodType<Condition>;

const branchSchema: z.ZodType<WorkflowBranch> = z.lazy(() =>
  z.looseObject({
    name: z.string().optional(),
    step_id: z.string().optional(),
    steps: z.array(stepSchema),
  }),
) as z.ZodType<WorkflowBranch>;

/** One step: only the shape is checked here; validateDefinition says what is wrong and where. */
export const workflowStepSchema: z.ZodType<WorkflowStep> = z.lazy(() =>
  z.looseObject({
    id: z.string().optional(),
    step_id: z.string().optional(),
    type: z.string(),
    continue_on_error: z.boolean().optional(),
    timeout_seconds: z.number().optional(),
    retry: record.optional(),
    model: z.string().optional(),
    params: record.optional(),
    fallback: record.optional(),
    code: z.string().optional(),
    inputs: record.optional(),
    branches: z.array(branchSchema).optional(),
    condition: conditionSchema.optional(),
    condition_met_branch: branchSchema.optional(),
    default_branch: branchSchema.optional(),
  }),
) as z.ZodType<WorkflowStep>;
const stepSchema = workflowStepSchema;

/** A definition, leniently: unknown fields pass through (the platform adds its own). */
export const workflowDefinitionSchema: z.ZodType<WorkflowDefinition> = z.looseObject({
  version: z.string().optional(),
  input_schema: z.looseObject({}).optional(),
  steps: z.array(stepSchema),
  output_mapping: z.record(z.string(), z.string()).optional(),
  timeout_seconds: z.number().optional(),
  retry: record.optional(),
}) as z.ZodType<WorkflowDefinition>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A step's id: `step_id` (the reference's create example) or `id` (its other examples). */
export function stepIdOf(step: unknown): string {
  if (!isRecord(step)) return "";
  const id = step.step_id ?? step.id;
  return typeof id === "string" ? id.trim() : "";
}

export type BranchKind = "parallel" | "condition_met" | "default";

/** The branches of a parallel or choice step, in order, with what kind each is. */
export function branchesOf(
  step: WorkflowStep,
): { kind: BranchKind; index: number; name: string; steps: WorkflowStep[] }[] {
  const list = (value: unknown): WorkflowStep[] =>
    isRecord(value) && Array.isArray(value.steps) ? (value.steps as WorkflowStep[]) : [];
  const nameOf = (value: unknown, fallback: string): string =>
    isRecord(value) && typeof value.name === "string" && value.name ? value.name : fallback;
  if (step.type === "parallel" && Array.isArray(step.branches)) {
    return step.branches.map((branch, index) => ({
      kind: "parallel" as const,
      index,
      name: nameOf(branch, `Branch ${index + 1}`),
      steps: list(branch),
    }));
  }
  if (step.type === "choice") {
    const found: { kind: BranchKind; index: number; name: string; steps: WorkflowStep[] }[] = [];
    if (step.condition_met_branch !== undefined)
      found.push({
        kind: "condition_met",
        index: 0,
        name: nameOf(step.condition_met_branch, "Condition met"),
        steps: list(step.condition_met_branch),
      });
    if (step.default_branch !== undefined)
      found.push({
        kind: "default",
        index: 1,
        name: nameOf(step.default_branch, "Default"),
        steps: list(step.default_branch),
      });
    return found;
  }
  return [];
}

/** Every step, branch steps included, in definition order (depth first). */
export function allSteps(definition: { steps?: unknown }): WorkflowStep[] {
  const out: WorkflowStep[] = [];
  const visit = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const step of list) {
      if (!isRecord(step)) continue;
      out.push(step as WorkflowStep);
      for (const branch of branchesOf(step as WorkflowStep)) visit(branch.steps);
    }
  };
  visit(definition.steps);
  return out;
}

/** The input names a definition declares (its input_schema's properties). */
export function inputNames(definition: { input_schema?: unknown }): string[] {
  const schema = definition.input_schema;
  if (!isRecord(schema) || !isRecord(schema.properties)) return [];
  return Object.keys(schema.properties);
}

// ---------- executions ----------

export const EXECUTION_STATUSES = [
  "queued",
  "running",
  "completed",
  "failed",
  "cancelled",
] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

export function isTerminalExecution(status: string): boolean {
  return status === "completed" || status === "failed" || status === "cancelled";
}

/** An upstream execution status word → ours; unknown words count as still running. */
export function normalizeExecutionStatus(value: unknown): ExecutionStatus {
  switch (String(value ?? "").toLowerCase()) {
    case "queued":
    case "pending":
    case "created":
    case "waiting":
      return "queued";
    case "completed":
    case "complete":
    case "succeeded":
    case "success":
    case "done":
      return "completed";
    case "failed":
    case "error":
    case "timed_out":
    case "timeout":
      return "failed";
    case "cancelled":
    case "canceled":
      return "cancelled";
    default:
      return "running";
  }
}

/** One entry of an execution's `step_outputs`, as the platform reports it. */
export type StepOutput = {
  step_id?: string;
  kind?: string;
  status?: string;
  started_at?: string | null;
  completed_at?: string | null;
  output?: unknown;
  primary?: unknown;
  metadata?: Record<string, unknown>;
  error?: unknown;
  error_cause?: unknown;
  selected?: string | null;
  [key: string]: unknown;
};

/** `step_outputs` keyed by step id, whether upstream sent an object or a list. */
export function stepOutputsById(value: unknown): Record<string, StepOutput> {
  const out: Record<string, StepOutput> = {};
  if (Array.isArray(value)) {
    for (const item of value)
      if (isRecord(item)) {
        const id = stepIdOf(item);
        if (id) out[id] = item as StepOutput;
      }
    return out;
  }
  if (isRecord(value))
    for (const [id, item] of Object.entries(value)) if (isRecord(item)) out[id] = item;
  return out;
}

/** The next free "vN" after the given version ids ("v1", "v2" → "v3"; none → "v1"). */
export function nextVersionId(existing: readonly string[]): string {
  const numbers = existing.flatMap((id) => {
    const match = /^v(\d+)$/i.exec(id.trim());
    return match ? [Number(match[1])] : [];
  });
  let next = Math.max(0, ...numbers) + 1;
  while (existing.includes(`v${next}`)) next += 1;
  return `v${next}`;
}
