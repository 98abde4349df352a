import { randomUUID } from "node:crypto";
import type { SimulatorContext } from "../context.js";
import { readMarkers } from "../predictions/markers.js";
import { onReset } from "../reset-hooks.js";
import {
  executionWebhookPayload,
  initialStepStates,
  isTerminalExecution,
  type ExecutionRecord,
} from "./execution-record.js";
import { runExecution, type AbortReason, type ExecutionObserver } from "./executor.js";
import { checkInputs } from "./input-schema.js";
import type { WorkflowDefinition } from "./types.js";
import { WorkflowRegistry, type VersionRecord, type WorkflowRecord } from "./workflow-registry.js";

export interface StartRequest {
  key: string;
  workflowId: string;
  versionId: string;
  workflowName: string;
  definition: WorkflowDefinition;
  outputMapping?: Record<string, string> | null;
  /** Already validated against the input_schema (see checkInputs). */
  inputs: Record<string, unknown>;
  webhook?: { url: string; secret: string | null } | null;
  bulkId?: string | null;
  source: ExecutionRecord["source"];
  observer?: ExecutionObserver;
}

export type TriggerRefusal = {
  status: number;
  error: string;
  details?: { field: string; message: string }[];
};

/**
 * each::workflows' state and engine for one simulator: the workflow registry
 * (shared with each::sense) and every execution. Executions start right after
 * the 202 answer (status `queued` until then) and run in the background.
 */
export class WorkflowsService {
  readonly registry = new WorkflowRegistry();
  private readonly executions = new Map<string, ExecutionRecord>();

  constructor(private readonly ctx: SimulatorContext) {}

  /** Why a version cannot run at all (deleted 404, archived 400, no definition 400), or null. */
  versionRefusal(version: VersionRecord): TriggerRefusal | null {
    if (version.status === "deleted") return { status: 404, error: "workflow version not found" };
    if (version.status === "archived")
      return {
        status: 400,
        error: `version ${version.version_id} is archived and cannot be triggered`,
      };
    if (version.definition === null)
      return {
        status: 400,
        error: `version ${version.version_id} has no definition; add one with PUT /workflows/{id}/versions/${version.version_id}`,
      };
    return null;
  }

  /**
   * Checks that a version can run and the inputs against its input_schema;
   * returns the inputs with defaults filled in, or why not.
   */
  prepare(
    version: VersionRecord,
    inputs: Record<string, unknown>,
  ):
    | { ok: true; inputs: Record<string, unknown>; definition: WorkflowDefinition }
    | { ok: false; refusal: TriggerRefusal } {
    const refusal = this.versionRefusal(version);
    if (refusal !== null || version.definition === null)
      return { ok: false, refusal: refusal ?? { status: 400, error: "no definition" } };
    const check = checkInputs(version.definition.input_schema, inputs);
    if (!check.ok)
      return { ok: false, refusal: { status: 400, error: check.error, details: check.problems } };
    return { ok: true, inputs: check.inputs, definition: version.definition };
  }

  /** Starts an execution of a stored version (counting the trigger). */
  triggerVersion(
    key: string,
    workflow: WorkflowRecord,
    version: VersionRecord,
    prepared: { inputs: Record<string, unknown>; definition: WorkflowDefinition },
    options: Pick<StartRequest, "webhook" | "bulkId" | "source" | "observer">,
  ): ExecutionRecord {
    workflow.trigger_count += 1;
    version.trigger_count += 1;
    return this.start({
      key,
      workflowId: workflow.workflow_id,
      versionId: version.version_id,
      workflowName: workflow.name,
      definition: prepared.definition,
      outputMapping: version.output_mapping,
      inputs: prepared.inputs,
      ...options,
    });
  }

  /** Creates the execution (queued) and runs it on the next tick. */
  start(request: StartRequest): ExecutionRecord {
    let resolveSettled: () => void = () => undefined;
    const record: ExecutionRecord = {
      id: randomUUID(),
      key: request.key,
      workflowId: request.workflowId,
      versionId: request.versionId,
      workflowName: request.workflowName,
      bulkId: request.bulkId ?? null,
      status: "queued",
      inputs: request.inputs,
      definition: request.definition,
      outputMapping: request.outputMapping ?? null,
      createdAt: new Date(),
      startedAt: null,
      completedAt: null,
      steps: initialStepStates(request.definition.steps),
      output: null,
      workflowOutput: null,
      error: null,
      errorCause: null,
      totalCost: 0,
      webhook: request.webhook ?? null,
      source: request.source,
      abort: new AbortController(),
      settled: new Promise<void>((resolve) => {
        resolveSettled = resolve;
      }),
      resolveSettled: () => resolveSettled(),
    };
    this.executions.set(record.id, record);
    this.ctx.log(
      `workflow execution ${record.id} queued: ${record.workflowId}/${record.versionId}`,
    );
    this.ctx.scheduler.after(0, () => {
      void runExecution(this.ctx, record, request.observer)
        .catch((error: unknown) => {
          this.ctx.log(`workflow execution ${record.id} crashed: ${String(error)}`);
          record.status = "failed";
          record.error = "ExecutionFailed";
          record.errorCause = `internal error: ${String(error)}`;
          record.completedAt = new Date();
        })
        .finally(() => this.ended(record));
    });
    return record;
  }

  get(id: string): ExecutionRecord | undefined {
    return this.executions.get(id);
  }

  /** Newest first. */
  list(filter: { key?: string; workflowId?: string; bulkId?: string } = {}): ExecutionRecord[] {
    return [...this.executions.values()]
      .filter(
        (record) =>
          (filter.key === undefined || record.key === filter.key) &&
          (filter.workflowId === undefined || record.workflowId === filter.workflowId) &&
          (filter.bulkId === undefined || record.bulkId === filter.bulkId),
      )
      .reverse();
  }

  /** Stops a queued or running execution: running predictions are cancelled, python killed. */
  cancel(record: ExecutionRecord, reason: AbortReason = "cancel"): void {
    if (isTerminalExecution(record)) return;
    record.abort.abort(reason);
    if (record.status === "queued") {
      // Never started (or the scheduler is closed): end it here.
      record.status = "cancelled";
      record.completedAt = new Date();
      for (const state of record.steps.values()) state.status = "cancelled";
    }
  }

  /** Forgets everything (control reset): running executions are stopped without webhooks. */
  clear(): void {
    for (const record of this.executions.values()) this.cancel(record, "reset");
    this.executions.clear();
    this.registry.clear();
  }

  private ended(record: ExecutionRecord): void {
    const forgotten = this.executions.get(record.id) !== record;
    this.ctx.log(
      `workflow execution ${record.id} ${record.status}${record.errorCause === null ? "" : `: ${record.errorCause}`}`,
    );
    if (!forgotten && record.webhook !== null) {
      const payload = executionWebhookPayload(record, this.ctx.config.dialect);
      if (payload !== null)
        this.ctx.webhooks.send({
          id: record.id,
          key: record.key,
          url: record.webhook.url,
          secret: record.webhook.secret,
          payload,
          source: "workflow",
          markers: readMarkers(record.inputs),
        });
    }
    record.resolveSettled();
  }
}

const services = new WeakMap<SimulatorContext, WorkflowsService>();

/** The running simulator's each::workflows service (created on first use, emptied by `POST /__simulator/reset`). */
export function workflowsFor(ctx: SimulatorContext): WorkflowsService {
  let service = services.get(ctx);
  if (service === undefined) {
    const created = new WorkflowsService(ctx);
    services.set(ctx, created);
    onReset(ctx, () => created.clear());
    service = created;
  }
  return service;
}

/** The service if each::workflows is mounted in this simulator (sense falls back to its own store otherwise). */
export function workflowsIfMounted(ctx: SimulatorContext): WorkflowsService | undefined {
  return services.get(ctx);
}
