// What the step list's buttons do to a definition: add a step of any type, move it, remove
// it, change it, add or remove a parallel branch. Pure and immutable, so the JSON view (which
// prints the same object) is always in step; new ids are unique across the whole definition.
import { referenceOptions } from "@/lib/shared/workflow-reference-options";
import { renameReferences } from "@/lib/shared/workflow-references";
import {
  allSteps,
  stepIdOf,
  type StepType,
  type WorkflowBranch,
  type WorkflowDefinition,
  type WorkflowStep,
} from "@/lib/shared/workflow-types";
import { stepsAt, withBranch, withStepsAt, type BranchRef, type ListPath } from "./step-path";

/** What a new step of each type is called before the person renames it. */
const BASE_IDS: Record<StepType, string> = {
  model: "generate",
  http: "request",
  python: "transform",
  parallel: "parallel",
  choice: "choose",
  pass: "config",
};

/** Every step id in use, branch steps included. */
export function stepIds(definition: { steps?: unknown }): Set<string> {
  return new Set(allSteps(definition).map(stepIdOf).filter(Boolean));
}

/** `base`, or `base_2`, `base_3`… whichever is free (also against `taken`). */
export function uniqueStepId(
  definition: { steps?: unknown },
  base: string,
  taken: ReadonlySet<string> = new Set(),
): string {
  const used = stepIds(definition);
  const free = (id: string) => !used.has(id) && !taken.has(id);
  if (free(base)) return base;
  for (let n = 2; ; n++) if (free(`${base}_${n}`)) return `${base}_${n}`;
}

function passStep(id: string): WorkflowStep {
  return { id, type: "pass", result: {} };
}

/** A new step of `type` with the fields each::workflows needs, ids unique in `definition`. */
export function newStep(definition: { steps?: unknown }, type: StepType): WorkflowStep {
  const taken = new Set<string>();
  const id = uniqueStepId(definition, BASE_IDS[type], taken);
  taken.add(id);
  switch (type) {
    case "model":
      return { id, type, model: "", params: {} };
    case "http":
      return {
        id,
        type,
        method: "POST",
        url: "https://example.com/hook",
        headers: { "Content-Type": "application/json" },
        body: {},
      };
    case "python":
      return { id, type, code: "result = inputs", inputs: {} };
    case "parallel": {
      // A parallel step needs non-empty branches, so each starts with a pass step.
      const branches = [1, 2].map((n) => {
        const inner = uniqueStepId(definition, `${id}_branch_${n - 1}`, taken);
        taken.add(inner);
        return { name: `Branch ${n}`, steps: [passStep(inner)] };
      });
      return { id, type, branches };
    }
    case "choice":
      return {
        id,
        type,
        condition: { expression: "$.inputs.prompt", operator: "exists" },
        condition_met_branch: { name: "condition_met", steps: [] },
        default_branch: { name: "default", steps: [] },
      };
    case "pass":
      return passStep(id);
  }
}

/** Adds a new step of `type` at the end of the list at `path`; returns it with its id. */
export function addStep(
  definition: WorkflowDefinition,
  path: ListPath,
  type: StepType,
): { definition: WorkflowDefinition; id: string } {
  const step = newStep(definition, type);
  const id = stepIdOf(step);
  let next = withStepsAt(definition, path, (steps) => [...steps, step]);
  if (type === "choice") {
    // Start the condition on the newest thing it can read: what came just before it.
    const options = referenceOptions(next, id);
    const latest = options.filter((o) => o.kind === "primary").at(-1) ?? options[0];
    if (latest)
      next = updateStep(next, path, stepsAt(next, path).length - 1, (s) => ({
        ...s,
        condition: { expression: latest.expression, operator: "exists" },
      }));
  }
  return { definition: next, id };
}

/** Moves the step at `index` by `delta` (-1 up, +1 down); out of range changes nothing. */
export function moveStep(
  definition: WorkflowDefinition,
  path: ListPath,
  index: number,
  delta: number,
): WorkflowDefinition {
  const target = index + delta;
  const steps = stepsAt(definition, path);
  if (target < 0 || target >= steps.length || index < 0 || index >= steps.length) return definition;
  return withStepsAt(definition, path, (list) => {
    const next = [...list];
    const [moved] = next.splice(index, 1);
    if (moved) next.splice(target, 0, moved);
    return next;
  });
}

export function removeStep(
  definition: WorkflowDefinition,
  path: ListPath,
  index: number,
): WorkflowDefinition {
  return withStepsAt(definition, path, (list) => list.filter((_, i) => i !== index));
}

export function updateStep(
  definition: WorkflowDefinition,
  path: ListPath,
  index: number,
  fn: (step: WorkflowStep) => WorkflowStep,
): WorkflowDefinition {
  return withStepsAt(definition, path, (list) =>
    list.map((step, i) => (i === index ? fn(step) : step)),
  );
}

/** Renames a step under the key it already uses (`step_id` or `id`). */
export function renameStep(step: WorkflowStep, id: string): WorkflowStep {
  return "step_id" in step && step.step_id !== undefined
    ? { ...step, step_id: id }
    : { ...step, id };
}

/**
 * Gives the step at `index` a new id and points every reference to its old id (templates and
 * `$.` expressions, anywhere in the definition) at the new one. References are left alone
 * when the new id is empty or already another step's: they would then name the wrong step.
 */
export function renameStepEverywhere(
  definition: WorkflowDefinition,
  path: ListPath,
  index: number,
  id: string,
): WorkflowDefinition {
  const step = stepsAt(definition, path)[index];
  if (!step) return definition;
  const from = stepIdOf(step);
  if (from === id) return definition;
  const rewrite = from !== "" && id !== "" && id !== "inputs" && !stepIds(definition).has(id);
  const base = rewrite
    ? (renameReferences(definition, from, id) as WorkflowDefinition)
    : definition;
  return updateStep(base, path, index, (s) => renameStep(s, id));
}

/** Adds a branch (with one pass step, since branches may not be empty) to a parallel step. */
export function addBranch(
  definition: WorkflowDefinition,
  path: ListPath,
  index: number,
): WorkflowDefinition {
  const step = stepsAt(definition, path)[index];
  if (!step) return definition;
  const branches = Array.isArray(step.branches) ? step.branches : [];
  const id = uniqueStepId(definition, `${stepIdOf(step) || "parallel"}_branch_${branches.length}`);
  const branch: WorkflowBranch = { name: `Branch ${branches.length + 1}`, steps: [passStep(id)] };
  return updateStep(definition, path, index, (s) => ({ ...s, branches: [...branches, branch] }));
}

export function removeBranch(
  definition: WorkflowDefinition,
  path: ListPath,
  index: number,
  branchIndex: number,
): WorkflowDefinition {
  return updateStep(definition, path, index, (step) => ({
    ...step,
    branches: (Array.isArray(step.branches) ? step.branches : []).filter(
      (_, i) => i !== branchIndex,
    ),
  }));
}

/** Changes one branch's fields (its name) without touching its steps. */
export function updateBranch(
  definition: WorkflowDefinition,
  path: ListPath,
  index: number,
  ref: BranchRef,
  fn: (branch: WorkflowBranch) => WorkflowBranch,
): WorkflowDefinition {
  return updateStep(definition, path, index, (step) => withBranch(step, ref, fn));
}
