import { randomBytes } from "node:crypto";
import type { SimulatorContext } from "../context.js";
import { AgentError } from "./agent-error.js";
import type { EventSink } from "./event-sink.js";
import { resolve, type ModelCall } from "./model-picker.js";
import { runModel, urlsOf } from "./run-model.js";
import {
  workflowEngineFor,
  type EngineRunResult,
  type EngineStepEvent,
  type WorkflowBody,
  type WorkflowEngine,
  type WorkflowStep,
} from "./workflow-store.js";

export interface WorkflowRun {
  executionId: string;
  /** Primary output of every model step, by step id. */
  allOutputs: Record<string, string | null>;
  /** The last model step's outputs. */
  final: string[];
  finalModel: string | null;
  totalTimeMs: number;
}

/**
 * Runs a workflow from chat. With each::workflows mounted, on its real engine
 * (runOnEngine: every step type, parallel branches at once, choice conditions;
 * the execution is visible at the product's GET /executions/{id}). Without it,
 * a stand-in runner: one model step
 * after another through the prediction engine (so outputs are real files):
 * `execution_started`, `execution_progress` (running / completed per step),
 * `execution_completed`. Parallel branches run in order; a choice step takes its
 * default branch (its condition_met branch when there is no default); pass,
 * python and http steps are reported as skipped. A step with `fallback.enabled`
 * retries once with the fallback model.
 */
export async function runWorkflow(
  ctx: SimulatorContext,
  key: string,
  body: WorkflowBody,
  ids: { workflowId: string; versionId: string },
  inputs: Record<string, unknown>,
  sink: EventSink,
): Promise<WorkflowRun> {
  const engine = workflowEngineFor(ctx);
  if (engine !== undefined) return runOnEngine(engine, key, body, ids, inputs, sink);
  const executionId = `exec_${randomBytes(6).toString("hex")}`;
  const steps = flatten(body.definition.steps);
  const total = steps.length;
  const outputs: Record<string, string | null> = {};
  let final: string[] = [];
  let finalModel: string | null = null;
  let totalTimeMs = 0;
  let completed = 0;
  const progress = (
    step: WorkflowStep,
    status: "running" | "completed" | "failed" | "skipped",
    output: string | null,
  ) =>
    sink.emit({
      type: "execution_progress",
      execution_id: executionId,
      step_id: stepId(step),
      step_status: status,
      model: step.model ?? null,
      output,
      completed_steps: completed,
      total_steps: total,
      progress_percent: Math.round((completed / Math.max(1, total)) * 100),
    });

  await sink.emit({
    type: "execution_started",
    execution_id: executionId,
    workflow_id: ids.workflowId,
    version_id: ids.versionId,
    inputs,
  });
  for (const step of steps) {
    if (step.type !== "model" || step.model === undefined) {
      completed += 1;
      await progress(step, "skipped", null);
      continue;
    }
    await progress(step, "running", null);
    let run;
    try {
      run = await runStep(ctx, key, step, step.model, step.params ?? {}, inputs, outputs, sink);
    } catch (error) {
      const fallback = step.fallback as
        { enabled?: boolean; model?: string; params?: Record<string, unknown> } | undefined;
      if (
        !(error instanceof AgentError) ||
        fallback?.enabled !== true ||
        typeof fallback.model !== "string"
      ) {
        await progress(step, "failed", null);
        await sink.emit({
          type: "execution_completed",
          execution_id: executionId,
          workflow_id: ids.workflowId,
          status: "failed",
          output: null,
          all_outputs: outputs,
          total_time_ms: totalTimeMs,
        });
        throw error;
      }
      run = await runStep(
        ctx,
        key,
        step,
        fallback.model,
        fallback.params ?? step.params ?? {},
        inputs,
        outputs,
        sink,
      );
    }
    completed += 1;
    totalTimeMs += run.executionTimeMs;
    outputs[stepId(step)] = run.outputs[0] ?? null;
    final = run.outputs;
    finalModel = run.record.model.slug;
    await progress(step, "completed", run.outputs[0] ?? null);
  }
  await sink.emit({
    type: "execution_completed",
    execution_id: executionId,
    workflow_id: ids.workflowId,
    status: "completed",
    output: final[0] ?? null,
    all_outputs: outputs,
    total_time_ms: totalTimeMs,
  });
  return { executionId, allOutputs: outputs, final, finalModel, totalTimeMs };
}

function runStep(
  ctx: SimulatorContext,
  key: string,
  step: WorkflowStep,
  slug: string,
  params: Record<string, unknown>,
  inputs: Record<string, unknown>,
  outputs: Record<string, string | null>,
  sink: EventSink,
) {
  const guessKind = /video|veo|kling-[23]|wan|sora|pixverse/.test(slug)
    ? "video"
    : /tts|music|audio/.test(slug)
      ? "audio"
      : "image";
  const model = resolve(ctx.catalog, slug, guessKind);
  const call: ModelCall = {
    model,
    kind: ctx.catalog.kindOf(model),
    input: resolveTemplates(params, inputs, outputs) as Record<string, unknown>,
    label: stepId(step),
    reason: "",
    useCase: "",
  };
  return runModel(ctx, key, call, sink, { progress: false });
}

function flatten(steps: readonly WorkflowStep[]): WorkflowStep[] {
  return steps.flatMap((step) => {
    if (step.type === "parallel" && Array.isArray(step.branches))
      return (step.branches as { steps?: WorkflowStep[] }[]).flatMap((branch) =>
        flatten(branch.steps ?? []),
      );
    if (step.type === "choice") {
      const branch = (step.default_branch ?? step.condition_met_branch) as
        { steps?: WorkflowStep[] } | undefined;
      return flatten(branch?.steps ?? []);
    }
    return [step];
  });
}

function stepId(step: WorkflowStep): string {
  return step.step_id ?? step.id ?? step.type;
}

const TEMPLATE = /\{\{\s*([\w-]+)\.([\w-]+)\s*\}\}/g;

/** `{{inputs.x}}` and `{{step.primary}}` (or `.output`); a value that is only a template keeps its type. */
export function resolveTemplates(
  value: unknown,
  inputs: Record<string, unknown>,
  outputs: Record<string, string | null>,
): unknown {
  if (typeof value === "string") {
    const lookup = (scope: string, name: string): unknown =>
      scope === "inputs"
        ? inputs[name]
        : ["primary", "output", "outputs"].includes(name)
          ? outputs[scope]
          : undefined;
    const whole = /^\{\{\s*([\w-]+)\.([\w-]+)\s*\}\}$/.exec(value);
    if (whole?.[1] !== undefined && whole[2] !== undefined) return lookup(whole[1], whole[2]) ?? "";
    return value.replace(TEMPLATE, (_match, scope: string, name: string) =>
      String(lookup(scope, name) ?? ""),
    );
  }
  if (Array.isArray(value)) return value.map((item) => resolveTemplates(item, inputs, outputs));
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(
      Object.entries(value).map(([field, item]) => [
        field,
        resolveTemplates(item, inputs, outputs),
      ]),
    );
  return value;
}

/**
 * Runs on each::workflows' engine and reports it as sense events: one
 * `execution_progress` per change of a leaf step (containers are not counted),
 * `execution_completed`, then the outputs. A failed execution ends the turn
 * with an error mapped from the failing step (content filter, balance,
 * timeout, else EXECUTION_FAILED).
 */
async function runOnEngine(
  engine: WorkflowEngine,
  key: string,
  body: WorkflowBody,
  ids: { workflowId: string; versionId: string },
  inputs: Record<string, unknown>,
  sink: EventSink,
): Promise<WorkflowRun> {
  const total = countLeaves(body.definition.steps);
  const finished = new Set<string>();
  let chain = Promise.resolve();
  let executionId = "";
  const queue = (event: Parameters<EventSink["emit"]>[0]) => {
    chain = chain.then(() => sink.emit(event));
  };
  const started = engine.start(key, ids, body, inputs, (event: EngineStepEvent) => {
    if (event.kind === "parallel" || event.kind === "choice" || event.status === "pending") return;
    if (event.status !== "running") finished.add(event.stepId);
    const completed = finished.size;
    queue({
      type: "execution_progress",
      execution_id: executionId,
      step_id: event.stepId,
      step_status: event.status,
      model: event.model,
      output: typeof event.primary === "string" ? event.primary : null,
      completed_steps: completed,
      total_steps: total,
      progress_percent: Math.round((completed / Math.max(1, total)) * 100),
    });
  });
  executionId = started.executionId;
  await sink.emit({
    type: "execution_started",
    execution_id: executionId,
    workflow_id: ids.workflowId,
    version_id: ids.versionId,
    inputs,
  });
  const result = await started.done;
  await chain;
  const allOutputs: Record<string, string | null> = {};
  let finalModel: string | null = null;
  for (const step of result.steps) {
    if (step.kind !== "model" || step.status !== "completed") continue;
    allOutputs[step.stepId] = typeof step.primary === "string" ? step.primary : null;
    finalModel = step.model;
  }
  const final = urlsOf(result.output);
  await sink.emit({
    type: "execution_completed",
    execution_id: executionId,
    workflow_id: ids.workflowId,
    status: result.status,
    output: result.status === "completed" ? (final[0] ?? null) : null,
    all_outputs: allOutputs,
    total_time_ms: result.totalTimeMs,
  });
  if (result.status !== "completed") throw engineError(result, executionId);
  return { executionId, allOutputs, final, finalModel, totalTimeMs: result.totalTimeMs };
}

function countLeaves(steps: readonly WorkflowStep[]): number {
  return steps.reduce((count, step) => {
    if (step.type === "parallel" && Array.isArray(step.branches))
      return (
        count +
        (step.branches as { steps?: WorkflowStep[] }[]).reduce(
          (sum, branch) => sum + countLeaves(branch.steps ?? []),
          0,
        )
      );
    if (step.type === "choice")
      return (
        count +
        [step.condition_met_branch, step.default_branch].reduce<number>(
          (sum, branch) =>
            sum + countLeaves((branch as { steps?: WorkflowStep[] } | undefined)?.steps ?? []),
          0,
        )
      );
    return count + 1;
  }, 0);
}

function engineError(result: EngineRunResult, executionId: string): AgentError {
  const cause = result.errorCause ?? `workflow execution ${result.status}`;
  const details = { execution_id: executionId, description: cause };
  switch (result.errorKind) {
    case "content_filter":
      return new AgentError("CONTENT_FILTER", "Content was filtered by safety system", details);
    case "payment_required":
      return new AgentError(
        "INSUFFICIENT_BALANCE",
        "Generation failed: Insufficient balance",
        details,
      );
    case "timeout":
      return new AgentError("TIMEOUT", `Workflow execution timed out: ${cause}`, details);
    default:
      return new AgentError(
        result.status === "cancelled" ? "EXECUTION_CANCELLED" : "EXECUTION_FAILED",
        `Workflow execution ${result.status}: ${cause}`,
        details,
      );
  }
}
