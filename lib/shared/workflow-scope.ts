// Where each step sits in a definition and which steps have finished when it runs: inputs,
// earlier steps of its own list, earlier steps of the lists around it, and every step of an
// earlier parallel/choice step (its branches included). Never its own container, never a
// sibling branch. The validator and the editor's reference menu both read this. Browser-safe.
import {
  branchesOf,
  isRecord,
  stepIdOf,
  type BranchKind,
  type WorkflowStep,
} from "./workflow-types";

export type Ancestor = {
  /** The parallel or choice step around it. */
  container: string;
  /** Which of the container's branches (parallel: index; choice: 0 met, 1 default). */
  branch: number;
  branchKind: BranchKind;
  branchName: string;
};

export type StepPlace = {
  stepId: string;
  step: WorkflowStep;
  /** Position in a depth-first walk of the whole definition. */
  order: number;
  depth: number;
  ancestors: Ancestor[];
};

/** Every step with an id, by id (the first one wins when ids repeat), in definition order. */
export function stepPlaces(definition: { steps?: unknown }): Map<string, StepPlace> {
  const places = new Map<string, StepPlace>();
  let order = 0;
  const visit = (list: unknown, ancestors: Ancestor[]) => {
    if (!Array.isArray(list)) return;
    for (const raw of list) {
      if (!isRecord(raw)) continue;
      const step = raw as WorkflowStep;
      const stepId = stepIdOf(step);
      if (stepId && !places.has(stepId))
        places.set(stepId, { stepId, step, order, depth: ancestors.length, ancestors });
      order += 1;
      for (const branch of branchesOf(step))
        visit(branch.steps, [
          ...ancestors,
          {
            container: stepId,
            branch: branch.index,
            branchKind: branch.kind,
            branchName: branch.name,
          },
        ]);
    }
  };
  visit(definition.steps, []);
  return places;
}

function collectIds(list: WorkflowStep[], into: string[]): void {
  for (const step of list) {
    const id = stepIdOf(step);
    if (id) into.push(id);
    for (const branch of branchesOf(step)) collectIds(branch.steps, into);
  }
}

/**
 * For every step id, the ids of the steps finished when it starts, in the order they
 * finish; `end` lists everything finished once the top-level list is done.
 */
export function finishedBefore(definition: { steps?: unknown }): {
  byStep: Map<string, string[]>;
  end: string[];
} {
  const byStep = new Map<string, string[]>();
  const walk = (list: unknown, available: string[]): string[] => {
    const done = [...available];
    if (!Array.isArray(list)) return done;
    for (const raw of list) {
      if (!isRecord(raw)) continue;
      const step = raw as WorkflowStep;
      const id = stepIdOf(step);
      if (id && !byStep.has(id)) byStep.set(id, [...done]);
      const branches = branchesOf(step);
      for (const branch of branches) walk(branch.steps, done);
      const inner: string[] = [];
      for (const branch of branches) collectIds(branch.steps, inner);
      for (const innerId of inner) if (!done.includes(innerId)) done.push(innerId);
      if (id && !done.includes(id)) done.push(id);
    }
    return done;
  };
  const end = walk(definition.steps, []);
  return { byStep, end };
}
