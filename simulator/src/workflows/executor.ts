import type { SimulatorContext } from "../context.js";
import { scaled } from "../runtime-config.js";
import { sleep } from "./abortable.js";
import { evaluateCondition } from "./condition-evaluator.js";
import type { ExecutionRecord, StepState } from "./execution-record.js";
import { runHttpRequest, type HttpRequestSpec } from "./http-step.js";
import { runModelPrediction } from "./model-step.js";
import { runPython } from "./python-step.js";
import { parseExpression } from "./references.js";
import { asStepFailure, NEVER_RETRIED, StepFailure, type StepErrorKind } from "./step-failure.js";
import {
  lookup,
  primaryOf,
  resolveTemplates,
  TemplateError,
  type ResolveScope,
} from "./template-resolver.js";
import {
  HTTP_STEP_MODEL,
  PYTHON_STEP_MODEL,
  stepIdOf,
  type Branch,
  type ChoiceStep,
  type ModelStep,
  type ParallelStep,
  type RetryConfig,
  type Step,
} from "./types.js";

/** The platform's limit on one workflow execution (scaled by the time factor). */
export const EXECUTION_LIMIT_MS = 15 * 60 * 1000;

export interface ExecutionObserver {
  /** Every step status change (running, completed, failed, skipped, cancelled). */
  onStep?(record: ExecutionRecord, state: StepState): void;
}

/** Why an execution was aborted: `cancel` (API / control), `timeout` (15 min), `reset` (control reset). */
export type AbortReason = "cancel" | "timeout" | "reset";

/** A step failed without continue_on_error: the execution fails, naming that step. */
class ExecutionFailure extends Error {
  constructor(
    readonly stepId: string,
    message: string,
  ) {
    super(message);
  }
}

class ExecutionAborted extends Error {}

interface LeafResult {
  output: unknown;
  primary: unknown;
  metadata: Record<string, unknown>;
  cost: number;
}

interface RetryPolicy {
  maxAttempts: number;
  delayMs(retry: number): number;
  retryOn: ReadonlySet<string> | null;
}

/**
 * Runs one execution to its end: steps in order; parallel branches at the same
 * time (Promise.allSettled over the branch step lists); a choice evaluates its
 * condition and runs one branch, marking the other branch's steps skipped;
 * model steps through the prediction engine; http and python steps for real.
 * Each leaf step gets its retry policy, its timeout, its fallback (model
 * steps) and `continue_on_error`. The whole execution is limited to 15 minutes
 * (× time factor) or the definition's `timeout_seconds` if shorter.
 */
export async function runExecution(
  ctx: SimulatorContext,
  record: ExecutionRecord,
  observer: ExecutionObserver = {},
): Promise<void> {
  const run = new Run(ctx, record, observer);
  await run.start();
}

class Run {
  private readonly signal: AbortSignal;
  private readonly scope: ResolveScope;

  constructor(
    private readonly ctx: SimulatorContext,
    private readonly record: ExecutionRecord,
    private readonly observer: ExecutionObserver,
  ) {
    this.signal = record.abort.signal;
    this.scope = { inputs: record.inputs, steps: record.steps };
  }

  async start(): Promise<void> {
    const record = this.record;
    if (this.signal.aborted) {
      this.finish(null);
      return;
    }
    record.status = "running";
    record.startedAt = new Date();
    const definitionLimitMs =
      typeof record.definition.timeout_seconds === "number"
        ? record.definition.timeout_seconds * 1000
        : EXECUTION_LIMIT_MS;
    const limitMs = Math.min(EXECUTION_LIMIT_MS, definitionLimitMs);
    const cancelTimer = this.ctx.scheduler.after(scaled(this.ctx.config, limitMs), () =>
      record.abort.abort("timeout" satisfies AbortReason),
    );
    let failure: ExecutionFailure | null = null;
    try {
      await this.runList(record.definition.steps);
    } catch (error) {
      if (error instanceof ExecutionFailure) failure = error;
      else if (!(error instanceof ExecutionAborted))
        failure = new ExecutionFailure("", String(error));
    }
    cancelTimer();
    this.finish(failure, limitMs);
  }

  private finish(failure: ExecutionFailure | null, limitMs = EXECUTION_LIMIT_MS): void {
    const record = this.record;
    const reason = this.signal.aborted ? (this.signal.reason as AbortReason) : null;
    const leftover = reason === "cancel" || reason === "reset" ? "cancelled" : "skipped";
    for (const state of record.steps.values()) {
      if (state.status === "pending" || state.status === "running") {
        state.status = leftover;
        this.notify(state);
      }
    }
    record.totalCost = [...record.steps.values()].reduce((sum, state) => sum + state.cost, 0);
    if (reason === "timeout") {
      record.status = "failed";
      record.error = "ExecutionTimedOut";
      record.errorCause = `workflow execution exceeded its time limit of ${limitMs / 1000}s`;
    } else if (reason !== null) {
      record.status = "cancelled";
    } else if (failure !== null) {
      record.status = "failed";
      record.error = "ExecutionFailed";
      record.errorCause =
        failure.stepId === ""
          ? failure.message
          : `Step '${failure.stepId}' failed: ${failure.message}`;
    } else {
      record.status = "completed";
      record.output = finalOutput(record);
      record.workflowOutput = this.mappedOutput();
    }
    record.completedAt = new Date();
  }

  private mappedOutput(): Record<string, unknown> | null {
    const mapping = this.record.outputMapping ?? this.record.definition.output_mapping ?? null;
    if (mapping === null || Object.keys(mapping).length === 0) return null;
    return Object.fromEntries(
      Object.entries(mapping).map(([name, expression]) => {
        const reference = parseExpression(expression);
        const value = reference === null ? expression : lookup(reference, this.scope, false);
        return [name, value ?? null];
      }),
    );
  }

  private async runList(steps: readonly Step[]): Promise<void> {
    for (const step of steps) {
      if (this.signal.aborted) throw new ExecutionAborted();
      await this.runStep(step);
    }
  }

  private runStep(step: Step): Promise<void> {
    switch (step.type) {
      case "parallel":
        return this.runParallel(step);
      case "choice":
        return this.runChoice(step);
      default:
        return this.runLeaf(step);
    }
  }

  private state(step: Step | string): StepState {
    const id = typeof step === "string" ? step : stepIdOf(step);
    const state = this.record.steps.get(id);
    if (state === undefined) throw new Error(`no state for step "${id}"`);
    return state;
  }

  private begin(state: StepState): void {
    state.status = "running";
    state.startedAt = new Date();
    this.notify(state);
  }

  private end(state: StepState, status: "completed" | "failed" | "skipped" | "cancelled"): void {
    state.status = status;
    state.completedAt = new Date();
    this.notify(state);
  }

  private notify(state: StepState): void {
    try {
      this.observer.onStep?.(this.record, state);
    } catch (error) {
      this.ctx.log(`workflow observer failed: ${String(error)}`);
    }
  }

  private aborted(state: StepState): ExecutionAborted {
    const timeout = this.signal.reason === "timeout";
    state.error = timeout ? "workflow execution timed out" : "execution cancelled";
    this.end(state, timeout ? "failed" : "cancelled");
    return new ExecutionAborted();
  }

  /** A failed step: continue_on_error lets the execution go on, otherwise it fails here. */
  private failed(step: Step, state: StepState, failure: StepFailure): void {
    state.error = failure.message;
    Object.assign(state.metadata, failure.metadata, { error_kind: failure.kind });
    this.end(state, "failed");
    if (step.continue_on_error === true) return;
    throw new ExecutionFailure(state.step_id, failure.message);
  }

  // ---------- leaf steps ----------

  private async runLeaf(step: Step): Promise<void> {
    const state = this.state(step);
    this.begin(state);
    let result: LeafResult;
    try {
      result = await this.leafResult(step, state);
    } catch (error) {
      const failure = asStepFailure(error);
      if (this.signal.aborted) {
        Object.assign(state.metadata, failure.metadata);
        throw this.aborted(state);
      }
      this.failed(step, state, failure);
      return;
    }
    state.output = result.output;
    state.primary = result.primary;
    Object.assign(state.metadata, result.metadata);
    state.cost += result.cost;
    this.end(state, "completed");
  }

  private resolve(value: unknown): unknown {
    try {
      return resolveTemplates(value, this.scope);
    } catch (error) {
      if (error instanceof TemplateError) throw new StepFailure("template_error", error.message);
      throw error;
    }
  }

  private resolveObject(value: unknown): Record<string, unknown> {
    const resolved = this.resolve(value ?? {});
    return typeof resolved === "object" && resolved !== null && !Array.isArray(resolved)
      ? (resolved as Record<string, unknown>)
      : {};
  }

  private leafResult(step: Step, state: StepState): Promise<LeafResult> {
    switch (step.type) {
      case "pass": {
        const output = step.result === undefined ? null : this.resolve(step.result);
        return Promise.resolve({ output, primary: primaryOf(output), metadata: {}, cost: 0 });
      }
      case "http":
        return this.withRetry(step, state, "attempts", () =>
          this.http(step, step.timeout ?? secondsToMs(step.timeout_seconds)),
        );
      case "python": {
        const inputs = this.resolveObject(step.inputs);
        return this.withRetry(step, state, "attempts", async () => {
          const run = await runPython(step.code, inputs, step.timeout_seconds ?? null, this.signal);
          return {
            output: run.result,
            primary: primaryOf(run.result),
            metadata: run.metadata,
            cost: 0,
          };
        });
      }
      case "model":
        return this.model(step, state);
      default:
        return Promise.reject(new StepFailure("invalid_input", `unknown step type "${step.type}"`));
    }
  }

  private async http(spec: HttpRequestSpec, timeoutMs: number | null): Promise<LeafResult> {
    const resolved = this.resolveObject({
      url: spec.url,
      method: spec.method,
      headers: spec.headers,
      query_params: spec.query_params,
      body: spec.body,
      auth: spec.auth,
      fail_on_status: spec.fail_on_status,
    });
    const run = await runHttpRequest(
      resolved as unknown as HttpRequestSpec,
      this.ctx.publicUrl(),
      timeoutMs,
      this.signal,
    );
    return { output: run.output, primary: run.output.body, metadata: run.metadata, cost: 0 };
  }

  private async model(step: ModelStep, state: StepState): Promise<LeafResult> {
    if (step.model === HTTP_STEP_MODEL || step.model === PYTHON_STEP_MODEL)
      return this.builtinModel(step, state);
    const params = this.resolveObject(step.params);
    const fallback = step.fallback;
    const hasFallback =
      fallback !== undefined && fallback.enabled !== false && typeof fallback.model === "string";
    try {
      const result = await this.withRetry(step, state, "attempts", () =>
        this.prediction(step.model, params, step, state),
      );
      if (hasFallback) result.metadata.fallback_used = false;
      return result;
    } catch (error) {
      if (this.signal.aborted || !hasFallback) throw error;
      const primary = asStepFailure(error);
      const primaryError = primary.message.startsWith(`model ${step.model}`)
        ? `Primary ${primary.message}`
        : `Primary model ${step.model} failed: ${primary.message}`;
      const fallbackModel = fallback.model as string;
      const fallbackParams = this.resolveObject(fallback.params ?? step.params);
      Object.assign(state.metadata, { primary_model: step.model, primary_error: primaryError });
      try {
        const result = await this.withRetry(step, state, "fallback_attempts", () =>
          this.prediction(fallbackModel, fallbackParams, step, state),
        );
        Object.assign(result.metadata, { fallback_used: true, primary_error: primaryError });
        return result;
      } catch (fallbackError) {
        const failure = asStepFailure(fallbackError);
        throw new StepFailure(
          failure.kind,
          `fallback ${failure.message} (after: ${primaryError})`,
          { ...failure.metadata, fallback_used: true, primary_error: primaryError },
        );
      }
    }
  }

  private async prediction(
    slug: string,
    params: Record<string, unknown>,
    step: Step,
    state: StepState,
  ): Promise<LeafResult> {
    const timeoutMs =
      typeof step.timeout_seconds === "number"
        ? Math.max(1, scaled(this.ctx.config, step.timeout_seconds * 1000))
        : null;
    const run = await runModelPrediction(
      this.ctx,
      this.record.key,
      slug,
      params,
      timeoutMs,
      this.signal,
      (predictionId, model) =>
        Object.assign(state.metadata, { model, prediction_id: predictionId }),
    );
    return {
      output: run.output,
      primary: primaryOf(run.output),
      metadata: run.metadata,
      cost: run.cost,
    };
  }

  /** The official platform's `eachlabs-http-step` / `eachlabs-python-step` models, run in-process. */
  private builtinModel(step: ModelStep, state: StepState): Promise<LeafResult> {
    const params = this.resolveObject(step.params);
    const seconds = typeof params.timeout_seconds === "number" ? params.timeout_seconds : null;
    return this.withRetry(step, state, "attempts", async () => {
      if (step.model === HTTP_STEP_MODEL) {
        const limit = seconds === null ? 30 : Math.min(60, Math.max(1, seconds));
        const result = await this.http(params as unknown as HttpRequestSpec, limit * 1000);
        return { ...result, metadata: { model: HTTP_STEP_MODEL, ...result.metadata } };
      }
      if (typeof params.code !== "string")
        throw new StepFailure("invalid_input", `${PYTHON_STEP_MODEL} needs params.code`);
      const inputs =
        typeof params.inputs === "object" && params.inputs !== null && !Array.isArray(params.inputs)
          ? (params.inputs as Record<string, unknown>)
          : {};
      const run = await runPython(params.code, inputs, seconds ?? 300, this.signal);
      const output = { return_value: run.result, printed: run.printed, output_files: {} };
      return {
        output,
        primary: primaryOf(run.result),
        metadata: { model: PYTHON_STEP_MODEL, ...run.metadata },
        cost: 0,
      };
    });
  }

  /** Runs `attempt` under the step's retry policy (or the definition's), counting attempts in metadata. */
  private async withRetry(
    step: Step,
    state: StepState,
    counter: "attempts" | "fallback_attempts",
    attempt: () => Promise<LeafResult>,
  ): Promise<LeafResult> {
    const policy = retryPolicy(step.retry ?? this.record.definition.retry);
    for (let number = 1; ; number += 1) {
      state.metadata[counter] = number;
      try {
        return await attempt();
      } catch (error) {
        const failure = asStepFailure(error);
        if (this.signal.aborted || number >= policy.maxAttempts || !retryable(failure.kind, policy))
          throw failure;
        const errors = (state.metadata.retried_errors as string[] | undefined) ?? [];
        state.metadata.retried_errors = [...errors, failure.message];
        const waitMs = scaled(this.ctx.config, policy.delayMs(number));
        if (!(await sleep(this.ctx.scheduler, waitMs, this.signal))) throw failure;
      }
    }
  }

  // ---------- containers ----------

  private async runParallel(step: ParallelStep): Promise<void> {
    const state = this.state(step);
    this.begin(state);
    const results = await Promise.allSettled(
      step.branches.map((branch) => this.runList(branch.steps)),
    );
    if (this.signal.aborted) throw this.aborted(state);
    const names = step.branches.map((branch, index) => branch.name ?? `branch ${index + 1}`);
    state.output = step.branches.map((branch) => this.lastOutput(branch));
    state.primary = primaryOf(state.output);
    state.metadata = {
      branches: step.branches.map((_branch, index) => ({
        name: names[index],
        status: results[index]?.status === "fulfilled" ? "completed" : "failed",
      })),
    };
    const index = results.findIndex((result) => result.status === "rejected");
    if (index < 0) {
      this.end(state, "completed");
      return;
    }
    const reason = (results[index] as PromiseRejectedResult).reason as unknown;
    const message = reason instanceof Error ? reason.message : String(reason);
    state.error = `branch "${names[index]}" failed: ${message}`;
    this.end(state, "failed");
    if (step.continue_on_error === true) return;
    throw reason instanceof ExecutionFailure
      ? reason
      : new ExecutionFailure(state.step_id, message);
  }

  private async runChoice(step: ChoiceStep): Promise<void> {
    const state = this.state(step);
    this.begin(state);
    let met: boolean;
    try {
      met = evaluateCondition(step.condition, this.scope);
    } catch (error) {
      this.skip(step.condition_met_branch);
      this.skip(step.default_branch);
      this.failed(
        step,
        state,
        new StepFailure(
          "condition_error",
          `condition failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
      return;
    }
    const branch = met ? step.condition_met_branch : step.default_branch;
    this.skip(met ? step.default_branch : step.condition_met_branch);
    const selected = branch === undefined ? null : met ? "condition_met" : "default";
    state.selected = selected;
    state.metadata = {
      condition_result: met,
      choice_branch_selected: selected,
      branch_name: branch?.name ?? selected,
      choice_step_id: branch?.step_id ?? null,
    };
    if (branch !== undefined) {
      try {
        await this.runList(branch.steps);
      } catch (error) {
        if (this.signal.aborted) throw this.aborted(state);
        const message = error instanceof Error ? error.message : String(error);
        state.error = `branch "${selected}" failed: ${message}`;
        this.end(state, "failed");
        if (step.continue_on_error === true) return;
        throw error;
      }
    }
    state.output = branch === undefined ? null : this.lastOutput(branch);
    state.primary = primaryOf(state.output);
    this.end(state, "completed");
  }

  /** Marks every step of a branch not taken (nested ones too) as skipped. */
  private skip(branch: Branch | undefined): void {
    if (branch === undefined) return;
    const visit = (steps: readonly Step[]) => {
      for (const step of steps) {
        const state = this.state(step);
        if (state.status === "pending") {
          state.status = "skipped";
          this.notify(state);
        }
        if (step.type === "parallel") step.branches.forEach((inner) => visit(inner.steps));
        if (step.type === "choice") {
          if (step.condition_met_branch !== undefined) visit(step.condition_met_branch.steps);
          if (step.default_branch !== undefined) visit(step.default_branch.steps);
        }
      }
    };
    visit(branch.steps);
  }

  /** A branch's result: the output of its last completed step. */
  private lastOutput(branch: Branch): unknown {
    for (const step of [...branch.steps].reverse()) {
      const state = this.state(step);
      if (state.status === "completed") return state.output;
    }
    return null;
  }
}

/**
 * The execution's `output`: the output of the last top-level step that
 * completed (a parallel step's output is the list of its branches' outputs, a
 * choice step's the output of the branch it ran). A single string is given as
 * a one-item list, as the documented examples show (`"output": ["https://…png"]`).
 */
function finalOutput(record: ExecutionRecord): unknown {
  for (const step of [...record.definition.steps].reverse()) {
    const state = record.steps.get(stepIdOf(step));
    if (state?.status !== "completed") continue;
    return typeof state.output === "string" ? [state.output] : (state.output ?? null);
  }
  return null;
}

function secondsToMs(seconds: number | undefined): number | null {
  return typeof seconds === "number" ? seconds * 1000 : null;
}

/**
 * `{max_attempts, initial_delay_seconds | delay_seconds, backoff_multiplier |
 * backoff, retry_on}`. max_attempts counts the first try (default 1, no retry);
 * the first retry waits the initial delay (default 1 s, × time factor), each
 * next one `backoff` times longer (default 2; "fixed" = 1, "linear" grows by the
 * initial delay each time).
 */
function retryPolicy(config: RetryConfig | undefined): RetryPolicy {
  const maxAttempts = config?.max_attempts ?? 1;
  const initialMs = (config?.initial_delay_seconds ?? config?.delay_seconds ?? 1) * 1000;
  const backoff = config?.backoff_multiplier ?? config?.backoff ?? 2;
  const delayMs = (retry: number): number => {
    if (backoff === "linear") return initialMs * retry;
    if (backoff === "fixed" || backoff === "constant") return initialMs;
    const multiplier = typeof backoff === "number" ? backoff : 2;
    return initialMs * multiplier ** (retry - 1);
  };
  return {
    maxAttempts,
    delayMs,
    retryOn: config?.retry_on === undefined ? null : new Set(config.retry_on),
  };
}

function retryable(kind: StepErrorKind, policy: RetryPolicy): boolean {
  if (kind === "cancelled") return false;
  if (policy.retryOn !== null) return policy.retryOn.has(kind);
  return !NEVER_RETRIED.has(kind);
}
