// Checks a definition the way each::workflows does before it stores one (the simulator's
// definition-validator mirrors the platform), so the editor can say what is wrong, at the
// step, before anything is sent. Every problem names its step. Browser-safe.
import { stepShapeProblems } from "./workflow-step-shape";
import { finishedBefore, stepPlaces, type StepPlace } from "./workflow-scope";
import {
  isExpression,
  parseExpression,
  templateReferencesIn,
  type Reference,
} from "./workflow-references";
import { branchesOf, isRecord, stepIdOf, type WorkflowStep } from "./workflow-types";

export type DefinitionProblem = {
  /** The step it is about; null for the definition as a whole. */
  stepId: string | null;
  /** A sentence naming the step: `Step "upscale": references unknown step "gen"`. */
  message: string;
};

const STEP_ID = /^[A-Za-z0-9_-]+$/;
// Fields holding nested steps or conditions (checked on their own) or code (never templated).
const NOT_TEMPLATED = new Set([
  "step_id",
  "id",
  "type",
  "code",
  "branches",
  "condition",
  "condition_met_branch",
  "default_branch",
]);

export function problemText(stepId: string | null, message: string): string {
  return stepId === null ? message : `Step "${stepId}": ${message}`;
}

/** Problems of a definition, in order; empty when each::workflows would accept it. */
export function validateDefinition(definition: unknown): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const add = (stepId: string | null, message: string) =>
    problems.push({ stepId, message: problemText(stepId, message) });

  if (!isRecord(definition))
    return [{ stepId: null, message: "The definition must be an object." }];
  if (!Array.isArray(definition.steps) || definition.steps.length === 0)
    return [{ stepId: null, message: "The definition needs at least one step." }];
  if (definition.input_schema !== undefined && !isRecord(definition.input_schema))
    add(null, "input_schema must be a JSON Schema object.");
  if (
    definition.timeout_seconds !== undefined &&
    !(typeof definition.timeout_seconds === "number" && definition.timeout_seconds > 0)
  )
    add(null, "timeout_seconds must be a positive number.");
  if (definition.output_mapping !== undefined && !isRecord(definition.output_mapping))
    add(null, "output_mapping must be an object of $ expressions.");

  // Pass 1: every step is an object with a usable, unique id and the fields of its type.
  const seen = new Set<string>();
  let count = 0;
  const visit = (list: unknown, where: string | null) => {
    if (!Array.isArray(list)) {
      add(where, "steps must be a list.");
      return;
    }
    for (const raw of list) {
      count += 1;
      if (!isRecord(raw)) {
        add(where, `step ${count} must be an object.`);
        continue;
      }
      const id = stepIdOf(raw);
      const label = id || `#${count}`;
      if (!id) add(label, 'every step needs a "step_id" (or "id").');
      else if (!STEP_ID.test(id)) add(id, "step ids may only contain letters, digits, _ and -.");
      else if (id === "inputs") add(id, '"inputs" is reserved for the workflow inputs.');
      else if (seen.has(id)) add(id, "duplicate step id.");
      else seen.add(id);
      for (const message of stepShapeProblems(raw)) add(label, message);
      for (const branch of branchesOf(raw as WorkflowStep)) visit(branch.steps, label);
    }
  };
  visit(definition.steps, null);
  if (problems.length > 0) return problems;

  // Pass 2: every reference names inputs or a step that has finished when it is read.
  const places = stepPlaces(definition);
  const refs = new Map<string, Reference[]>();
  for (const [id, place] of places) refs.set(id, referencesOf(id, place.step, add));
  const edges = new Map<string, Set<string>>();
  for (const [id, list] of refs)
    edges.set(id, new Set(list.map((ref) => ref.scope).filter((scope) => places.has(scope))));
  const { byStep } = finishedBefore(definition);
  for (const [id, list] of refs) {
    const available = new Set(byStep.get(id) ?? []);
    const reported = new Set<string>();
    for (const ref of list) {
      if (ref.scope === "inputs" || available.has(ref.scope) || reported.has(ref.scope)) continue;
      reported.add(ref.scope);
      add(id, describeBadReference(id, ref, places, edges));
    }
  }
  return problems;
}

function referencesOf(
  id: string,
  step: WorkflowStep,
  add: (stepId: string | null, message: string) => void,
): Reference[] {
  const found: Reference[] = [];
  for (const [field, value] of Object.entries(step)) {
    if (NOT_TEMPLATED.has(field)) continue;
    for (const template of templateReferencesIn(value)) {
      if (template.reference === null)
        add(
          id,
          `invalid template ${template.text} (expected {{inputs.name}} or {{step_id.field}}).`,
        );
      else found.push(template.reference);
    }
  }
  if (step.type === "choice") found.push(...conditionReferences(id, step.condition, add));
  return found;
}

function conditionReferences(
  id: string,
  condition: unknown,
  add: (stepId: string | null, message: string) => void,
): Reference[] {
  if (!isRecord(condition)) return [];
  if (Array.isArray(condition.and))
    return condition.and.flatMap((part) => conditionReferences(id, part, add));
  if (Array.isArray(condition.or))
    return condition.or.flatMap((part) => conditionReferences(id, part, add));
  if (condition.not !== undefined) return conditionReferences(id, condition.not, add);
  const found: Reference[] = [];
  if (isExpression(condition.expression)) {
    const reference = parseExpression(condition.expression);
    if (reference === null)
      add(
        id,
        `invalid expression ${JSON.stringify(condition.expression)} (expected $.inputs.name or $.step_id.field).`,
      );
    else found.push(reference);
  }
  for (const template of templateReferencesIn(condition.value))
    if (template.reference !== null) found.push(template.reference);
  return found;
}

function describeBadReference(
  id: string,
  ref: Reference,
  places: Map<string, StepPlace>,
  edges: Map<string, Set<string>>,
): string {
  const target = ref.scope;
  if (target === id) return `references itself (${ref.text}): dependency cycle ${id} → ${id}.`;
  const there = places.get(target);
  const here = places.get(id);
  if (there === undefined || here === undefined) return `references unknown step "${target}".`;
  const cycle = findCycle(target, id, edges);
  if (cycle !== null) return `dependency cycle ${[id, ...cycle].join(" → ")}.`;
  if (here.ancestors.some((ancestor) => ancestor.container === target))
    return `references step "${target}", which contains it.`;
  for (const mine of here.ancestors) {
    const theirs = there.ancestors.find((ancestor) => ancestor.container === mine.container);
    if (theirs !== undefined && theirs.branch !== mine.branch)
      return mine.branchKind === "parallel"
        ? `references step "${target}", which runs concurrently in another branch of parallel step "${mine.container}".`
        : `references step "${target}", which is in the other branch of choice step "${mine.container}".`;
  }
  return `references step "${target}", which runs later.`;
}

/** A path of references from `from` back to `to`, if any (then `to` → … → `to` is a cycle). */
function findCycle(from: string, to: string, edges: Map<string, Set<string>>): string[] | null {
  const seen = new Set<string>();
  const search = (node: string): string[] | null => {
    if (node === to) return [node];
    if (seen.has(node)) return null;
    seen.add(node);
    for (const next of edges.get(node) ?? []) {
      const rest = search(next);
      if (rest !== null) return [node, ...rest];
    }
    return null;
  };
  return search(from);
}
