import { isPlainObject } from "../http/read-body.js";
import { isOperator, OPERATORS, VALUELESS_OPERATORS } from "./condition-evaluator.js";
import { compileInputSchema } from "./input-schema.js";
import {
  isExpression,
  parseExpression,
  templateReferencesIn,
  type Reference,
} from "./references.js";
import { STEP_TYPES, stepIdOf, type WorkflowDefinition } from "./types.js";

export interface DefinitionProblem {
  /** The step the problem is about ("" for the definition itself). */
  step: string;
  message: string;
}

export type DefinitionCheck =
  | { ok: true; definition: WorkflowDefinition }
  | { ok: false; error: string; problems: DefinitionProblem[] };

const STEP_ID = /^[A-Za-z0-9_-]+$/;
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
const AUTH_TYPES = ["basic", "bearer", "api_key"];
const BACKOFF_NAMES = ["exponential", "linear", "fixed", "constant"];
// Fields holding nested steps or conditions (checked on their own) or raw code (never templated).
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

type Json = Record<string, unknown>;

/** Where a step sits: the parallel/choice steps around it and which of their branches it is in. */
interface Place {
  order: number;
  ancestors: { container: string; branch: number; kind: "parallel" | "choice" }[];
}

/**
 * Checks a definition before it is stored, so a broken one is refused at
 * create time rather than failing at run time. Problems name the step:
 * `step "upscale": references unknown step "gen"`. Checked: the step list,
 * ids (present, unique, `[A-Za-z0-9_-]`), types, each type's fields, retry /
 * timeout settings, conditions (known operators, `$.` expressions), every
 * `{{...}}` and `$.` reference (to `inputs`, or to a step that has finished by
 * then: earlier in the same list, an earlier branch step, or any step of an
 * earlier parallel/choice step), dependency cycles, and that `input_schema`
 * compiles as JSON Schema.
 */
export function validateDefinition(definition: unknown): DefinitionCheck {
  const problems: DefinitionProblem[] = [];
  const problem = (step: string, message: string) => problems.push({ step, message });
  if (!isPlainObject(definition)) {
    return fail([{ step: "", message: "definition must be an object" }]);
  }
  if (!Array.isArray(definition.steps) || definition.steps.length === 0) {
    return fail([{ step: "", message: "definition.steps must be a non-empty list of steps" }]);
  }
  if (definition.input_schema !== undefined) {
    if (!isPlainObject(definition.input_schema)) {
      problem("", "definition.input_schema must be a JSON Schema object");
    } else {
      try {
        compileInputSchema(definition.input_schema);
      } catch (error) {
        problem(
          "",
          `definition.input_schema is not a valid JSON Schema: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
  if (definition.retry !== undefined) checkRetry("", definition.retry, problem, "definition.retry");
  if (
    definition.timeout_seconds !== undefined &&
    !(typeof definition.timeout_seconds === "number" && definition.timeout_seconds > 0)
  )
    problem("", "definition.timeout_seconds must be a positive number");
  if (definition.output_mapping !== undefined && !isPlainObject(definition.output_mapping))
    problem("", "definition.output_mapping must be an object of $ expressions");

  // Pass 1: shapes, ids, places.
  const places = new Map<string, Place>();
  const steps = new Map<string, Json>();
  let order = 0;
  const visit = (list: unknown, ancestors: Place["ancestors"], where: string): void => {
    if (!Array.isArray(list)) {
      problem(where, "steps must be a list");
      return;
    }
    list.forEach((raw, index) => {
      if (!isPlainObject(raw)) {
        problem(where, `step ${index + 1} must be an object`);
        return;
      }
      const id = stepIdOf(raw);
      const label = id === "" ? `#${order + 1}` : id;
      if (id === "") problem(label, 'every step needs a "step_id" (or "id")');
      else if (!STEP_ID.test(id)) problem(id, "step ids may only contain letters, digits, _ and -");
      else if (id === "inputs") problem(id, '"inputs" is reserved for the workflow inputs');
      else if (places.has(id)) problem(id, "duplicate step id");
      else {
        places.set(id, { order, ancestors });
        steps.set(id, raw);
      }
      order += 1;
      checkStepShape(label, raw, problem);
      if (raw.type === "parallel" && Array.isArray(raw.branches)) {
        raw.branches.forEach((branch, branchIndex) => {
          if (isPlainObject(branch))
            visit(
              branch.steps,
              [...ancestors, { container: label, branch: branchIndex, kind: "parallel" }],
              label,
            );
        });
      }
      if (raw.type === "choice") {
        [raw.condition_met_branch, raw.default_branch].forEach((branch, branchIndex) => {
          if (isPlainObject(branch))
            visit(
              branch.steps,
              [...ancestors, { container: label, branch: branchIndex, kind: "choice" }],
              label,
            );
        });
      }
    });
  };
  visit(definition.steps, [], "");
  if (problems.length > 0) return fail(problems);

  // Pass 2: references, against what has finished when each step runs.
  const edges = new Map<string, Set<string>>();
  const referencesOf = (id: string, raw: Json): Reference[] => {
    const found: Reference[] = [];
    for (const [field, value] of Object.entries(raw)) {
      if (NOT_TEMPLATED.has(field)) continue;
      for (const template of templateReferencesIn(value)) {
        if (template.reference === null)
          problem(
            id,
            `invalid template ${template.text} (expected {{inputs.name}} or {{step_id.field}})`,
          );
        else found.push(template.reference);
      }
    }
    if (raw.type === "choice") found.push(...conditionReferences(id, raw.condition, problem));
    return found;
  };
  const stepRefs = new Map<string, Reference[]>();
  for (const [id, raw] of steps) {
    const refs = referencesOf(id, raw).filter((ref) => ref.scope !== "inputs");
    stepRefs.set(id, refs);
    edges.set(id, new Set(refs.map((ref) => ref.scope).filter((scope) => steps.has(scope))));
  }
  const walkAvailable = (list: unknown[], available: Set<string>): void => {
    for (const raw of list as Json[]) {
      const id = stepIdOf(raw);
      for (const ref of stepRefs.get(id) ?? []) {
        if (available.has(ref.scope)) continue;
        problem(id, describeBadReference(id, ref, places, edges));
      }
      if (raw.type === "parallel") {
        const branches = raw.branches as Json[];
        for (const branch of branches) walkAvailable(branch.steps as unknown[], new Set(available));
        for (const branch of branches) collectIds(branch.steps as unknown[], available);
      }
      if (raw.type === "choice") {
        for (const branch of [raw.condition_met_branch, raw.default_branch]) {
          if (!isPlainObject(branch)) continue;
          walkAvailable(branch.steps as unknown[], new Set(available));
          collectIds(branch.steps as unknown[], available);
        }
      }
      available.add(id);
    }
  };
  walkAvailable(definition.steps, new Set());
  if (problems.length > 0) return fail(problems);
  return { ok: true, definition: definition as unknown as WorkflowDefinition };
}

function fail(problems: DefinitionProblem[]): DefinitionCheck {
  const first = problems[0];
  const error =
    first === undefined
      ? "invalid definition"
      : first.step === ""
        ? first.message
        : `step "${first.step}": ${first.message}`;
  return { ok: false, error, problems };
}

function collectIds(list: unknown[], into: Set<string>): void {
  for (const raw of list as Json[]) {
    into.add(stepIdOf(raw));
    if (raw.type === "parallel")
      for (const branch of raw.branches as Json[]) collectIds(branch.steps as unknown[], into);
    if (raw.type === "choice")
      for (const branch of [raw.condition_met_branch, raw.default_branch])
        if (isPlainObject(branch)) collectIds(branch.steps as unknown[], into);
  }
}

function describeBadReference(
  id: string,
  ref: Reference,
  places: Map<string, Place>,
  edges: Map<string, Set<string>>,
): string {
  const target = ref.scope;
  if (target === id) return `references itself (${ref.text}): dependency cycle ${id} → ${id}`;
  const there = places.get(target);
  const here = places.get(id);
  if (there === undefined || here === undefined) return `references unknown step "${target}"`;
  const cycle = findCycle(target, id, edges);
  if (cycle !== null) return `dependency cycle ${[id, ...cycle].join(" → ")}`;
  if (here.ancestors.some((ancestor) => ancestor.container === target))
    return `references step "${target}", which contains it (a branch step cannot read its own ${steps(here, target)} step)`;
  for (const mine of here.ancestors) {
    const theirs = there.ancestors.find((ancestor) => ancestor.container === mine.container);
    if (theirs !== undefined && theirs.branch !== mine.branch)
      return mine.kind === "parallel"
        ? `references step "${target}", which runs concurrently in another branch of parallel step "${mine.container}"`
        : `references step "${target}", which is in the other branch of choice step "${mine.container}"`;
  }
  return `references step "${target}", which runs later`;
}

function steps(place: Place, container: string): string {
  return place.ancestors.find((ancestor) => ancestor.container === container)?.kind ?? "parallel";
}

/** A path of references from `from` back to `to`, if any (so `to` → ... → `to` is a cycle). */
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

function conditionReferences(
  id: string,
  condition: unknown,
  problem: (step: string, message: string) => void,
): Reference[] {
  if (!isPlainObject(condition)) return [];
  if (Array.isArray(condition.and))
    return condition.and.flatMap((part) => conditionReferences(id, part, problem));
  if (Array.isArray(condition.or))
    return condition.or.flatMap((part) => conditionReferences(id, part, problem));
  if (condition.not !== undefined) return conditionReferences(id, condition.not, problem);
  const found: Reference[] = [];
  if (isExpression(condition.expression)) {
    const reference = parseExpression(condition.expression);
    if (reference === null)
      problem(
        id,
        `invalid expression ${JSON.stringify(condition.expression)} (expected $.inputs.name or $.step_id.field)`,
      );
    else found.push(reference);
  }
  for (const template of templateReferencesIn(condition.value)) {
    if (template.reference !== null) found.push(template.reference);
  }
  return found;
}

type Report = (step: string, message: string) => void;

function checkStepShape(id: string, step: Json, problem: Report): void {
  const type = step.type;
  if (typeof type !== "string" || !(STEP_TYPES as readonly string[]).includes(type)) {
    problem(
      id,
      `unknown step type ${JSON.stringify(type ?? null)} (expected one of ${STEP_TYPES.join(", ")})`,
    );
    return;
  }
  if (step.continue_on_error !== undefined && typeof step.continue_on_error !== "boolean")
    problem(id, "continue_on_error must be true or false");
  if (
    step.timeout_seconds !== undefined &&
    !(typeof step.timeout_seconds === "number" && step.timeout_seconds > 0)
  )
    problem(id, "timeout_seconds must be a positive number");
  if (step.retry !== undefined) checkRetry(id, step.retry, problem, "retry");
  switch (type) {
    case "model":
      if (typeof step.model !== "string" || step.model.trim() === "")
        problem(id, 'model steps need a "model" (a model slug)');
      if (step.params !== undefined && !isPlainObject(step.params))
        problem(id, "params must be an object");
      if (step.fallback !== undefined) {
        if (!isPlainObject(step.fallback)) problem(id, "fallback must be an object");
        else if (
          step.fallback.enabled !== false &&
          (typeof step.fallback.model !== "string" || step.fallback.model.trim() === "")
        )
          problem(id, 'fallback needs a "model"');
        else if (step.fallback.params !== undefined && !isPlainObject(step.fallback.params))
          problem(id, "fallback.params must be an object");
      }
      return;
    case "http":
      checkHttp(id, step, problem);
      return;
    case "python":
      if (typeof step.code !== "string" || step.code.trim() === "")
        problem(id, 'python steps need "code"');
      if (step.inputs !== undefined && !isPlainObject(step.inputs))
        problem(id, "inputs must be an object");
      return;
    case "parallel":
      if (!Array.isArray(step.branches) || step.branches.length === 0)
        problem(id, 'parallel steps need a non-empty "branches" list');
      else
        step.branches.forEach((branch, index) => {
          if (!isPlainObject(branch) || !Array.isArray(branch.steps) || branch.steps.length === 0)
            problem(id, `branch ${index + 1} needs a non-empty "steps" list`);
        });
      return;
    case "choice":
      if (step.condition === undefined) problem(id, 'choice steps need a "condition"');
      else checkCondition(id, step.condition, problem);
      if (step.condition_met_branch === undefined && step.default_branch === undefined)
        problem(id, 'choice steps need a "condition_met_branch" or a "default_branch"');
      for (const name of ["condition_met_branch", "default_branch"] as const) {
        const branch = step[name];
        if (branch !== undefined && (!isPlainObject(branch) || !Array.isArray(branch.steps)))
          problem(id, `${name} needs a "steps" list`);
      }
      return;
    case "pass":
      return;
  }
}

function checkHttp(id: string, step: Json, problem: Report): void {
  if (typeof step.url !== "string" || step.url.trim() === "") {
    problem(id, 'http steps need a "url"');
  } else if (!step.url.includes("{{")) {
    try {
      const parsed = new URL(step.url);
      if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
        problem(id, "url must be an http(s) URL");
    } catch {
      problem(id, `url ${JSON.stringify(step.url)} is not a valid URL`);
    }
  }
  if (
    step.method !== undefined &&
    (typeof step.method !== "string" || !HTTP_METHODS.includes(step.method.toUpperCase()))
  )
    problem(id, `method must be one of ${HTTP_METHODS.join(", ")}`);
  for (const field of ["headers", "query_params"])
    if (step[field] !== undefined && !isPlainObject(step[field]))
      problem(id, `${field} must be an object`);
  if (step.timeout !== undefined && !(typeof step.timeout === "number" && step.timeout > 0))
    problem(id, "timeout must be a positive number of milliseconds");
  if (step.auth !== undefined) {
    const auth = step.auth;
    if (!isPlainObject(auth) || typeof auth.type !== "string" || !AUTH_TYPES.includes(auth.type)) {
      problem(id, `auth.type must be one of ${AUTH_TYPES.join(", ")}`);
    } else if (auth.type === "basic" && auth.username === undefined) {
      problem(id, "basic auth needs a username (and password)");
    } else if (auth.type === "bearer" && auth.token === undefined) {
      problem(id, "bearer auth needs a token");
    } else if (auth.type === "api_key" && auth.value === undefined && auth.key === undefined) {
      problem(id, "api_key auth needs a value (and a header name)");
    }
  }
}

function checkRetry(id: string, retry: unknown, problem: Report, name: string): void {
  if (!isPlainObject(retry)) {
    problem(id, `${name} must be an object like {"max_attempts": 3}`);
    return;
  }
  const attempts = retry.max_attempts;
  if (
    attempts !== undefined &&
    !(typeof attempts === "number" && Number.isInteger(attempts) && attempts >= 1 && attempts <= 10)
  )
    problem(id, `${name}.max_attempts must be an integer from 1 to 10`);
  for (const field of ["initial_delay_seconds", "delay_seconds", "backoff_multiplier"]) {
    const value = retry[field];
    if (value !== undefined && !(typeof value === "number" && value >= 0))
      problem(id, `${name}.${field} must be a non-negative number`);
  }
  const backoff = retry.backoff;
  if (
    backoff !== undefined &&
    !(typeof backoff === "number" && backoff >= 0) &&
    !(typeof backoff === "string" && BACKOFF_NAMES.includes(backoff))
  )
    problem(id, `${name}.backoff must be a number or one of ${BACKOFF_NAMES.join(", ")}`);
  if (
    retry.retry_on !== undefined &&
    !(Array.isArray(retry.retry_on) && retry.retry_on.every((item) => typeof item === "string"))
  )
    problem(id, `${name}.retry_on must be a list of error kinds`);
}

function checkCondition(id: string, condition: unknown, problem: Report): void {
  if (!isPlainObject(condition)) {
    problem(id, "a condition must be an object");
    return;
  }
  for (const logical of ["and", "or"] as const) {
    if (condition[logical] !== undefined) {
      const parts = condition[logical];
      if (!Array.isArray(parts)) problem(id, `"${logical}" must be a list of conditions`);
      else parts.forEach((part) => checkCondition(id, part, problem));
      return;
    }
  }
  if (condition.not !== undefined) {
    checkCondition(id, condition.not, problem);
    return;
  }
  if (condition.expression === undefined)
    problem(id, 'a condition needs an "expression" (e.g. "$.step1.primary"), or and/or/not');
  if (!isOperator(condition.operator)) {
    problem(
      id,
      `unknown condition operator ${JSON.stringify(condition.operator ?? null)} (expected one of ${OPERATORS.join(", ")})`,
    );
    return;
  }
  if (!VALUELESS_OPERATORS.has(condition.operator) && !("value" in condition))
    problem(id, `operator "${condition.operator}" needs a "value"`);
}
