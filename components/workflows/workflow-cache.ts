// Query keys and fetchers for the workflow pages, in one place so a mutation invalidates the
// same keys the lists read.
import { apiFetch } from "@/lib/client/api";
import type {
  WorkflowDetailView,
  WorkflowExecutionSummaryView,
  WorkflowExecutionView,
  WorkflowSummaryView,
} from "@/lib/shared/workflow-api";

export const workflowKeys = {
  list: ["workflows"] as const,
  detail: (id: string) => ["workflow", id] as const,
  executions: (id: string) => ["workflow", id, "executions"] as const,
  execution: (id: string) => ["workflow-execution", id] as const,
};

export async function fetchWorkflows(): Promise<WorkflowSummaryView[]> {
  return (await apiFetch<{ workflows: WorkflowSummaryView[] }>("/api/workflows")).workflows;
}

export async function fetchWorkflow(id: string): Promise<WorkflowDetailView> {
  return (await apiFetch<{ workflow: WorkflowDetailView }>(`/api/workflows/${id}`)).workflow;
}

export async function fetchExecutionsOf(id: string): Promise<WorkflowExecutionSummaryView[]> {
  return (
    await apiFetch<{ executions: WorkflowExecutionSummaryView[] }>(
      `/api/workflows/${id}/executions?limit=20`,
    )
  ).executions;
}

export async function fetchExecution(id: string): Promise<WorkflowExecutionView> {
  return (await apiFetch<{ execution: WorkflowExecutionView }>(`/api/workflows/executions/${id}`))
    .execution;
}

/** The editor's page for a workflow, on a given version. */
export function workflowHref(id: string, versionId?: string | null): string {
  return versionId
    ? `/workflows/${id}?version=${encodeURIComponent(versionId)}`
    : `/workflows/${id}`;
}

export function executionHref(id: string): string {
  return `/workflows/executions/${id}`;
}

/** Any thrown value as a sentence a person can act on. */
export function errorText(error: unknown): string {
  return error instanceof Error && error.message
    ? error.message
    : "Something went wrong. Please try again.";
}
