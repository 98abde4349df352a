// Where a list of steps sits in a definition: the top-level list is `[]`, a branch list is the
// path to its parallel/choice step plus which branch. Indexes, not ids, because ids are
// edited (and may be empty or repeated) while the person types.
import { isRecord, type WorkflowBranch, type WorkflowStep } from "@/lib/shared/workflow-types";

export type BranchRef =
  { kind: "parallel"; index: number } | { kind: "condition_met" } | { kind: "default" };

export type ListPath = readonly { step: number; branch: BranchRef }[];

const CHOICE_FIELD = { condition_met: "condition_met_branch", default: "default_branch" } as const;

/** The branch `ref` of a step, if it has one. */
export function branchOf(step: WorkflowStep, ref: BranchRef): WorkflowBranch | undefined {
  if (ref.kind === "parallel")
    return Array.isArray(step.branches) ? step.branches[ref.index] : undefined;
  const branch = step[CHOICE_FIELD[ref.kind]];
  return isRecord(branch) ? (branch as WorkflowBranch) : undefined;
}

/** The step with its branch `ref` replaced by `fn(branch)`. */
export function withBranch(
  step: WorkflowStep,
  ref: BranchRef,
  fn: (branch: WorkflowBranch) => WorkflowBranch,
): WorkflowStep {
  if (ref.kind === "parallel") {
    const branches = Array.isArray(step.branches) ? step.branches : [];
    return {
      ...step,
      branches: branches.map((branch, index) => (index === ref.index ? fn(branch) : branch)),
    };
  }
  const field = CHOICE_FIELD[ref.kind];
  const current = isRecord(step[field]) ? (step[field] as WorkflowBranch) : { steps: [] };
  return { ...step, [field]: fn(current) };
}

function stepsOf(branch: WorkflowBranch | undefined): WorkflowStep[] {
  return branch && Array.isArray(branch.steps) ? branch.steps : [];
}

/** The steps of the list at `path` (empty when the path no longer leads anywhere). */
export function stepsAt(definition: { steps?: unknown }, path: ListPath): WorkflowStep[] {
  let list: WorkflowStep[] = Array.isArray(definition.steps)
    ? (definition.steps as WorkflowStep[])
    : [];
  for (const { step, branch } of path) {
    const container = list[step];
    if (!container) return [];
    list = stepsOf(branchOf(container, branch));
  }
  return list;
}

/** The definition with the list at `path` replaced by `fn(list)`; everything else shared. */
export function withStepsAt<D extends { steps?: unknown }>(
  definition: D,
  path: ListPath,
  fn: (steps: WorkflowStep[]) => WorkflowStep[],
): D {
  const rewrite = (list: WorkflowStep[], depth: number): WorkflowStep[] => {
    const here = path[depth];
    if (!here) return fn(list);
    return list.map((step, index) =>
      index === here.step
        ? withBranch(step, here.branch, (branch) => ({
            ...branch,
            steps: rewrite(stepsOf(branch), depth + 1),
          }))
        : step,
    );
  };
  const top = Array.isArray(definition.steps) ? (definition.steps as WorkflowStep[]) : [];
  return { ...definition, steps: rewrite(top, 0) };
}

/** A readable, stable key for a list (React keys, element ids). */
export function pathKey(path: ListPath): string {
  return path
    .map(({ step, branch }) => `${step}.${branch.kind === "parallel" ? branch.index : branch.kind}`)
    .join("/");
}
