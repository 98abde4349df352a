import { randomBytes } from "node:crypto";
import type { SimulatorContext } from "../context.js";
import { onReset } from "../reset-hooks.js";

/** A workflow definition as `POST /workflows` takes it (see fixtures/workflows/*.json). */
export interface WorkflowBody {
  name: string;
  description: string;
  categories: string[];
  definition: WorkflowDefinition;
}

export interface WorkflowDefinition {
  version: string;
  input_schema: { type: "object"; properties: Record<string, unknown>; required: string[] };
  steps: WorkflowStep[];
}

/** `step_id` (or `id` in older definitions), `type`, and for model steps `model` + `params`. */
export interface WorkflowStep {
  step_id?: string;
  id?: string;
  type: string;
  model?: string;
  params?: Record<string, unknown>;
  [field: string]: unknown;
}

export interface StoredVersion {
  version_id: string;
  body: WorkflowBody;
  created_at: string;
  /** The message it was built from. */
  source: string;
}

export interface StoredWorkflow {
  workflow_id: string;
  /** The API key that owns it; other keys do not see it. */
  key: string;
  versions: StoredVersion[];
  created_at: string;
  updated_at: string;
}

/**
 * Workflows built by each::sense, per API key. `workflowStoreFor(ctx)` returns
 * the one store of a running simulator: each::workflows' registry when that
 * product is mounted (src/workflows/sense-bridge.ts), else an in-memory store.
 */
export interface WorkflowDefinitionStore {
  create(
    key: string,
    body: WorkflowBody,
    source: string,
  ): { workflow: StoredWorkflow; version: StoredVersion };
  /** A new version of an existing workflow ("v2", "v3"...); undefined when the key has no such workflow. */
  addVersion(
    key: string,
    workflowId: string,
    body: WorkflowBody,
    source: string,
  ): { workflow: StoredWorkflow; version: StoredVersion } | undefined;
  /** A version (the latest when `versionId` is null). */
  find(
    key: string,
    workflowId: string,
    versionId: string | null,
  ): { workflow: StoredWorkflow; version: StoredVersion } | undefined;
  list(key: string): StoredWorkflow[];
  clear(): void;
}

export class InMemoryWorkflowStore implements WorkflowDefinitionStore {
  private readonly workflows = new Map<string, StoredWorkflow>();

  create(key: string, body: WorkflowBody, source: string) {
    const now = new Date().toISOString();
    const version: StoredVersion = { version_id: "v1", body, created_at: now, source };
    const workflow: StoredWorkflow = {
      workflow_id: `wf_${randomBytes(6).toString("hex")}`,
      key,
      versions: [version],
      created_at: now,
      updated_at: now,
    };
    this.workflows.set(workflow.workflow_id, workflow);
    return { workflow, version };
  }

  addVersion(key: string, workflowId: string, body: WorkflowBody, source: string) {
    const workflow = this.workflows.get(workflowId);
    if (workflow === undefined || workflow.key !== key) return undefined;
    const now = new Date().toISOString();
    const version: StoredVersion = {
      version_id: `v${workflow.versions.length + 1}`,
      body,
      created_at: now,
      source,
    };
    workflow.versions.push(version);
    workflow.updated_at = now;
    return { workflow, version };
  }

  find(key: string, workflowId: string, versionId: string | null) {
    const workflow = this.workflows.get(workflowId);
    if (workflow === undefined || workflow.key !== key) return undefined;
    const version =
      versionId === null
        ? workflow.versions.at(-1)
        : workflow.versions.find((candidate) => candidate.version_id === versionId);
    return version === undefined ? undefined : { workflow, version };
  }

  list(key: string): StoredWorkflow[] {
    return [...this.workflows.values()].filter((workflow) => workflow.key === key);
  }

  clear(): void {
    this.workflows.clear();
  }
}

/** One step change reported by a workflow engine (leaf and container steps alike). */
export interface EngineStepEvent {
  stepId: string;
  /** model, http, python, pass, parallel, choice. */
  kind: string;
  status: "pending" | "running" | "completed" | "failed" | "skipped" | "cancelled";
  model: string | null;
  primary: unknown;
}

export interface EngineRunResult {
  status: "completed" | "failed" | "cancelled";
  /** The execution's final output. */
  output: unknown;
  /** `Step 'x' failed: ...` when it failed. */
  errorCause: string | null;
  /** What kind of error failed it (content_filter, timeout, payment_required...). */
  errorKind: string | null;
  /** The final state of every step, in definition order. */
  steps: EngineStepEvent[];
  /** Nominal (unscaled) time of the model steps, as sense reports times. */
  totalTimeMs: number;
}

/**
 * A real workflow engine (each::workflows) that sense's chat runs use when the
 * product is mounted: it starts an execution under the key (visible in the
 * product's GET /executions/{id}) and reports every step change.
 */
export interface WorkflowEngine {
  start(
    key: string,
    ids: { workflowId: string; versionId: string },
    body: WorkflowBody,
    inputs: Record<string, unknown>,
    onStep: (event: EngineStepEvent) => void,
  ): { executionId: string; done: Promise<EngineRunResult> };
}

const stores = new WeakMap<SimulatorContext, WorkflowDefinitionStore>();
const engines = new WeakMap<SimulatorContext, WorkflowEngine>();

/**
 * Puts another store (and engine) behind `workflowStoreFor(ctx)`: each::workflows
 * registers its own when it is mounted, so sense builds and runs workflows
 * the product serves. Call before sense handles its first request.
 */
export function registerWorkflowBackend(
  ctx: SimulatorContext,
  store: WorkflowDefinitionStore,
  engine: WorkflowEngine,
): void {
  stores.set(ctx, store);
  engines.set(ctx, engine);
}

/** The registered engine, if a workflows product is mounted. */
export function workflowEngineFor(ctx: SimulatorContext): WorkflowEngine | undefined {
  return engines.get(ctx);
}

/** The running simulator's workflow store (created on first use, emptied by `POST /__simulator/reset`). */
export function workflowStoreFor(ctx: SimulatorContext): WorkflowDefinitionStore {
  let store = stores.get(ctx);
  if (store === undefined) {
    const created = new InMemoryWorkflowStore();
    stores.set(ctx, created);
    onReset(ctx, () => created.clear());
    store = created;
  }
  return store;
}
