/**
 * The shapes of a workflow definition as `POST /workflows` takes it (see
 * fixtures/workflows/*.json and the reference's each::workflows section). The
 * definition arrives as untrusted JSON, so these types describe what the
 * validator (definition-validator.ts) has checked, not what a client must send.
 */

export const STEP_TYPES = ["model", "http", "python", "parallel", "choice", "pass"] as const;
export type StepType = (typeof STEP_TYPES)[number];

/** The model slugs the official platform runs HTTP and Python steps through. */
export const HTTP_STEP_MODEL = "eachlabs-http-step";
export const PYTHON_STEP_MODEL = "eachlabs-python-step";

export interface RetryConfig {
  /** Total attempts, the first included (1 = no retry). */
  max_attempts?: number;
  /** Wait before the first retry; `delay_seconds` is accepted too. */
  initial_delay_seconds?: number;
  delay_seconds?: number;
  /** Each further wait is multiplied by this; `backoff` ("exponential" = 2, "fixed"/"linear" = 1, or a number) too. */
  backoff_multiplier?: number;
  backoff?: number | string;
  /** Error kinds that are retried (see StepErrorKind); all when absent. */
  retry_on?: string[];
}

export interface StepBase {
  /** `step_id` or `id`: both spellings appear in the documentation and fixtures. */
  step_id?: string;
  id?: string;
  type: StepType;
  continue_on_error?: boolean;
  timeout_seconds?: number;
  retry?: RetryConfig;
  [field: string]: unknown;
}

export interface FallbackConfig {
  enabled?: boolean;
  model?: string;
  version?: string;
  params?: Record<string, unknown>;
}

export interface ModelStep extends StepBase {
  type: "model";
  model: string;
  version?: string;
  params?: Record<string, unknown>;
  fallback?: FallbackConfig;
}

export interface HttpAuth {
  type: "basic" | "bearer" | "api_key";
  username?: string;
  password?: string;
  token?: string;
  /** api_key: the header name (`header`, `name` or `key_name`; default `X-API-Key`) and `value` (or `key`). */
  header?: string;
  name?: string;
  key_name?: string;
  value?: string;
  key?: string;
  /** api_key: `header` (default) or `query`. */
  in?: "header" | "query";
}

export interface HttpStep extends StepBase {
  type: "http";
  url: string;
  method?: string;
  headers?: Record<string, unknown>;
  query_params?: Record<string, unknown>;
  body?: unknown;
  auth?: HttpAuth;
  /** Milliseconds, as the reference's example writes it. */
  timeout?: number;
  fail_on_status?: string;
}

export interface PythonStep extends StepBase {
  type: "python";
  code: string;
  inputs?: Record<string, unknown>;
}

export interface Branch {
  name?: string;
  step_id?: string;
  steps: Step[];
}

export interface ParallelStep extends StepBase {
  type: "parallel";
  branches: Branch[];
}

export interface SimpleCondition {
  expression: unknown;
  operator: string;
  value?: unknown;
}

export type Condition =
  SimpleCondition | { and: Condition[] } | { or: Condition[] } | { not: Condition };

export interface ChoiceStep extends StepBase {
  type: "choice";
  condition: Condition;
  condition_met_branch?: Branch;
  default_branch?: Branch;
}

export interface PassStep extends StepBase {
  type: "pass";
  result?: unknown;
}

export type Step = ModelStep | HttpStep | PythonStep | ParallelStep | ChoiceStep | PassStep;

export interface WorkflowDefinition {
  version?: string;
  input_schema?: Record<string, unknown>;
  output_schema?: Record<string, unknown>;
  /** `{"image": "$.generate.output"}`: fills `workflow_output` (official). */
  output_mapping?: Record<string, string>;
  /** Whole-execution limit; capped at the platform's 15 minutes. */
  timeout_seconds?: number;
  /** Default retry for every step that has none. */
  retry?: RetryConfig;
  steps: Step[];
  [field: string]: unknown;
}

/** The id a step is known by: `step_id`, else `id`. */
export function stepIdOf(step: { step_id?: unknown; id?: unknown }): string {
  if (typeof step.step_id === "string" && step.step_id !== "") return step.step_id;
  if (typeof step.id === "string") return step.id;
  return "";
}
