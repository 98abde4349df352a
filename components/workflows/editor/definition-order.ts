// Stored definitions come back with their keys in the database's order (jsonb sorts them),
// which reads badly ("type" before "step_id"). The editor shows them in the order the
// platform's documents write them, and compares definitions regardless of key order.
import { isRecord, type WorkflowDefinition } from "@/lib/shared/workflow-types";

const DEFINITION_KEYS = [
  "version",
  "input_schema",
  "steps",
  "output_mapping",
  "timeout_seconds",
  "retry",
];
const SCHEMA_KEYS = ["type", "properties", "required"];
const STEP_KEYS = [
  "step_id",
  "id",
  "type",
  "model",
  "params",
  "fallback",
  "url",
  "method",
  "headers",
  "body",
  "auth",
  "timeout",
  "code",
  "inputs",
  "branches",
  "condition",
  "condition_met_branch",
  "default_branch",
  "result",
  "retry",
  "timeout_seconds",
  "continue_on_error",
];
const BRANCH_KEYS = ["name", "step_id", "steps"];

function ordered(value: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (key in value) out[key] = value[key];
  for (const [key, item] of Object.entries(value)) if (!(key in out)) out[key] = item;
  return out;
}

function orderSteps(steps: unknown): unknown {
  if (!Array.isArray(steps)) return steps;
  return steps.map((raw) => {
    if (!isRecord(raw)) return raw;
    const step = ordered(raw, STEP_KEYS);
    if (Array.isArray(step.branches))
      step.branches = step.branches.map((branch) => orderBranch(branch));
    for (const key of ["condition_met_branch", "default_branch"])
      if (isRecord(step[key])) step[key] = orderBranch(step[key]);
    return step;
  });
}

function orderBranch(branch: unknown): unknown {
  if (!isRecord(branch)) return branch;
  const out = ordered(branch, BRANCH_KEYS);
  out.steps = orderSteps(out.steps);
  return out;
}

/** A copy of the definition with its keys in reading order (nothing else changes). */
export function orderDefinition(definition: WorkflowDefinition): WorkflowDefinition {
  const out = ordered(definition, DEFINITION_KEYS);
  if (isRecord(out.input_schema)) out.input_schema = ordered(out.input_schema, SCHEMA_KEYS);
  out.steps = orderSteps(out.steps);
  return out as WorkflowDefinition;
}

/** JSON with every object's keys sorted, so key order never counts as a change. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    isRecord(item)
      ? Object.fromEntries(
          Object.keys(item)
            .sort()
            .map((key) => [key, item[key]]),
        )
      : item,
  );
}
