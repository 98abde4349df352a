// The workflow events of a message (built, created, updated, run) folded into one summary:
// a card with the workflow, its steps and the run's progress reads better than ten rows.
import type { SenseEvent } from "@/lib/shared/sense-events";

export type WorkflowStepView = { id: string; status: string; model: string | null };

export type WorkflowView = {
  name: string | null;
  workflowId: string | null;
  versionId: string | null;
  stepsCount: number | null;
  /** What happened to the definition, latest last: "Built", "Created", "Updated"… */
  actions: string[];
  execution: {
    id: string | null;
    status: string;
    completedSteps: number | null;
    totalSteps: number | null;
    percent: number | null;
    steps: WorkflowStepView[];
    totalTimeMs: number | null;
  } | null;
};

type Execution = NonNullable<WorkflowView["execution"]>;

const emptyExecution = (id: string | null): Execution => ({
  id,
  status: "running",
  completedSteps: null,
  totalSteps: null,
  percent: null,
  steps: [],
  totalTimeMs: null,
});

export function toWorkflow(events: readonly SenseEvent[]): WorkflowView | null {
  let view: WorkflowView | null = null;
  const open = (): WorkflowView =>
    (view ??= {
      name: null,
      workflowId: null,
      versionId: null,
      stepsCount: null,
      actions: [],
      execution: null,
    });

  for (const event of events) {
    switch (event.type) {
      case "workflow_created":
      case "workflow_fetched":
      case "workflow_built":
      case "workflow_updated": {
        const card = open();
        // The four events share these fields, each with some of them.
        const fields = event as {
          workflow_name?: unknown;
          workflow_id?: unknown;
          version_id?: unknown;
          steps_count?: unknown;
          existing_steps?: unknown;
        };
        if (typeof fields.workflow_name === "string" && fields.workflow_name)
          card.name = fields.workflow_name;
        if (typeof fields.workflow_id === "string" && fields.workflow_id)
          card.workflowId = fields.workflow_id;
        if (typeof fields.version_id === "string" && fields.version_id)
          card.versionId = fields.version_id;
        const steps = fields.steps_count ?? fields.existing_steps;
        if (typeof steps === "number") card.stepsCount = steps;
        card.actions.push(
          {
            workflow_created: "Created",
            workflow_fetched: "Loaded",
            workflow_built: "Built",
            workflow_updated: "Updated",
          }[event.type],
        );
        break;
      }
      case "execution_started": {
        const card = open();
        card.workflowId ??= event.workflow_id ?? null;
        card.execution = emptyExecution(event.execution_id);
        break;
      }
      case "execution_progress": {
        const card = open();
        const run = (card.execution ??= emptyExecution(event.execution_id ?? null));
        if (typeof event.completed_steps === "number") run.completedSteps = event.completed_steps;
        if (typeof event.total_steps === "number") run.totalSteps = event.total_steps;
        if (typeof event.progress_percent === "number") run.percent = event.progress_percent;
        if (event.step_id) {
          const step = {
            id: event.step_id,
            status: event.step_status ?? "running",
            model: event.model ?? null,
          };
          const at = run.steps.findIndex((item) => item.id === step.id);
          if (at === -1) run.steps.push(step);
          else run.steps[at] = step;
        }
        break;
      }
      case "execution_completed": {
        const card = open();
        const run = (card.execution ??= emptyExecution(event.execution_id ?? null));
        run.status = event.status ?? "completed";
        if (typeof event.total_time_ms === "number") run.totalTimeMs = event.total_time_ms;
        if (run.status === "completed") run.percent = 100;
        break;
      }
    }
  }
  return view;
}
