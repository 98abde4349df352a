import type { SimulatorContext } from "../context.js";
import type {
  EngineRunResult,
  EngineStepEvent,
  StoredVersion,
  StoredWorkflow,
  WorkflowBody,
  WorkflowDefinitionStore,
  WorkflowEngine,
} from "../sense/workflow-store.js";
import type { ExecutionRecord, StepState } from "./execution-record.js";
import { checkInputs } from "./input-schema.js";
import type { WorkflowDefinition } from "./types.js";
import type { VersionRecord, WorkflowRecord } from "./workflow-registry.js";
import type { WorkflowsService } from "./workflows-service.js";

/**
 * each::sense's workflow store and engine, backed by each::workflows: a
 * workflow sense builds is a product workflow (UUID, slug, `v1`...) the key can
 * GET, version and trigger through the API, and a `workflow_id` chat run is a
 * real execution of the engine.
 */
export function senseStore(service: WorkflowsService): WorkflowDefinitionStore {
  const registry = service.registry;
  const stored = (workflow: WorkflowRecord): StoredWorkflow => ({
    workflow_id: workflow.workflow_id,
    key: workflow.key,
    versions: workflow.versions
      .filter((version) => version.definition !== null && version.status !== "deleted")
      .map((version) => storedVersion(workflow, version)),
    created_at: workflow.created_at.toISOString(),
    updated_at: workflow.updated_at.toISOString(),
  });
  const storedVersion = (workflow: WorkflowRecord, version: VersionRecord): StoredVersion => ({
    version_id: version.version_id,
    body: {
      name: workflow.name,
      description: workflow.description,
      categories: workflow.categories,
      definition: forSense(version.definition as WorkflowDefinition),
    },
    created_at: version.created_at.toISOString(),
    source: version.source,
  });
  return {
    create(key, body, source) {
      const workflow = registry.create(
        key,
        {
          name: body.name,
          description: body.description,
          categories: body.categories,
          definition: body.definition as unknown as WorkflowDefinition,
          versionId: "v1",
          source,
        },
        // Sense builds the same name again and again: give it a fresh slug instead of a 409.
        { uniqueSlug: true },
      ) as WorkflowRecord;
      const version = workflow.versions[0] as VersionRecord;
      return { workflow: stored(workflow), version: storedVersion(workflow, version) };
    },
    addVersion(key, workflowId, body, source) {
      const workflow = registry.get(key, workflowId);
      if (workflow === undefined) return undefined;
      const { version } = registry.putVersion(workflow, registry.nextVersionId(workflow), {
        definition: { ...(body.definition as unknown as WorkflowDefinition) },
        source,
      });
      return { workflow: stored(workflow), version: storedVersion(workflow, version) };
    },
    find(key, workflowId, versionId) {
      const workflow = registry.get(key, workflowId);
      if (workflow === undefined) return undefined;
      const version = registry.version(workflow, versionId);
      if (version === undefined || version.definition === null || version.status === "deleted")
        return undefined;
      return { workflow: stored(workflow), version: storedVersion(workflow, version) };
    },
    list(key) {
      return registry.list(key).map(stored);
    },
    clear() {
      registry.clear();
    },
  };
}

export function senseEngine(ctx: SimulatorContext, service: WorkflowsService): WorkflowEngine {
  return {
    start(key, ids, body, inputs, onStep) {
      const definition = body.definition as unknown as WorkflowDefinition;
      const check = checkInputs(definition.input_schema, inputs);
      const workflow = service.registry.get(key, ids.workflowId);
      const version =
        workflow === undefined ? undefined : service.registry.version(workflow, ids.versionId);
      if (workflow !== undefined && version !== undefined) {
        workflow.trigger_count += 1;
        version.trigger_count += 1;
      }
      const record = service.start({
        key,
        workflowId: ids.workflowId,
        versionId: ids.versionId,
        workflowName: body.name,
        definition,
        outputMapping: version?.output_mapping ?? null,
        inputs: check.ok ? check.inputs : inputs,
        source: "sense",
        observer: { onStep: (_record, state) => onStep(stepEvent(state)) },
      });
      return { executionId: record.id, done: record.settled.then(() => runResult(ctx, record)) };
    },
  };
}

function stepEvent(state: StepState): EngineStepEvent {
  return {
    stepId: state.step_id,
    kind: state.kind,
    status: state.status,
    model: typeof state.metadata.model === "string" ? state.metadata.model : null,
    primary: state.primary,
  };
}

function runResult(ctx: SimulatorContext, record: ExecutionRecord): EngineRunResult {
  const steps = [...record.steps.values()];
  const failingId = /^Step '([^']+)'/.exec(record.errorCause ?? "")?.[1];
  const failedStep =
    steps.find((state) => state.step_id === failingId) ??
    steps.find((state) => state.status === "failed");
  const nominalMs = steps.reduce((sum, state) => {
    const id = state.metadata.prediction_id;
    const prediction = typeof id === "string" ? ctx.predictions.get(id) : undefined;
    return sum + (prediction === undefined ? 0 : prediction.queueMs + prediction.runMs);
  }, 0);
  const wallMs = (record.completedAt ?? new Date()).getTime() - record.createdAt.getTime();
  return {
    status:
      record.status === "completed" || record.status === "cancelled" ? record.status : "failed",
    output: record.output,
    errorCause: record.errorCause,
    errorKind:
      record.error === "ExecutionTimedOut"
        ? "timeout"
        : typeof failedStep?.metadata.error_kind === "string"
          ? failedStep.metadata.error_kind
          : null,
    steps: steps.map(stepEvent),
    totalTimeMs: Math.round(nominalMs > 0 ? nominalMs : Math.max(1, wallMs)),
  };
}

/** Sense reads `input_schema.properties` and `.required`: an API-made definition may omit them. */
function forSense(definition: WorkflowDefinition): WorkflowBody["definition"] {
  const schema = (definition.input_schema ?? {}) as Record<string, unknown>;
  return {
    ...definition,
    input_schema: {
      ...schema,
      type: "object",
      properties: (schema.properties ?? {}) as Record<string, unknown>,
      required: Array.isArray(schema.required) ? (schema.required as string[]) : [],
    },
  } as unknown as WorkflowBody["definition"];
}
