// The fields each step type needs, and the settings every step may carry (retry, timeout,
// continue_on_error, conditions), as each::workflows checks them. Browser-safe.
import { CONDITION_OPERATORS, isRecord, STEP_TYPES, VALUELESS_OPERATORS } from "./workflow-types";

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
const AUTH_TYPES = ["basic", "bearer", "api_key"];
const BACKOFF_NAMES = ["exponential", "linear", "fixed", "constant"];

/** What is wrong with one step's own fields (not its references), as messages. */
export function stepShapeProblems(step: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const type = step.type;
  if (typeof type !== "string" || !(STEP_TYPES as readonly string[]).includes(type)) {
    return [
      `unknown step type ${JSON.stringify(type ?? null)} (expected one of ${STEP_TYPES.join(", ")}).`,
    ];
  }
  if (step.continue_on_error !== undefined && typeof step.continue_on_error !== "boolean")
    problems.push("continue_on_error must be true or false.");
  if (
    step.timeout_seconds !== undefined &&
    !(typeof step.timeout_seconds === "number" && step.timeout_seconds > 0)
  )
    problems.push("timeout_seconds must be a positive number.");
  if (step.retry !== undefined) problems.push(...retryProblems(step.retry));
  switch (type) {
    case "model":
      if (typeof step.model !== "string" || step.model.trim() === "")
        problems.push('model steps need a "model" (a model slug).');
      if (step.params !== undefined && !isRecord(step.params))
        problems.push("params must be an object.");
      if (step.fallback !== undefined) {
        const fallback = step.fallback;
        if (!isRecord(fallback)) problems.push("fallback must be an object.");
        else if (
          fallback.enabled !== false &&
          (typeof fallback.model !== "string" || fallback.model.trim() === "")
        )
          problems.push('fallback needs a "model".');
        else if (fallback.params !== undefined && !isRecord(fallback.params))
          problems.push("fallback.params must be an object.");
      }
      break;
    case "http":
      problems.push(...httpProblems(step));
      break;
    case "python":
      if (typeof step.code !== "string" || step.code.trim() === "")
        problems.push('python steps need "code".');
      if (step.inputs !== undefined && !isRecord(step.inputs))
        problems.push("inputs must be an object.");
      break;
    case "parallel":
      if (!Array.isArray(step.branches) || step.branches.length === 0)
        problems.push('parallel steps need a non-empty "branches" list.');
      else
        step.branches.forEach((branch, index) => {
          if (!isRecord(branch) || !Array.isArray(branch.steps) || branch.steps.length === 0)
            problems.push(`branch ${index + 1} needs a non-empty "steps" list.`);
        });
      break;
    case "choice":
      if (step.condition === undefined) problems.push('choice steps need a "condition".');
      else problems.push(...conditionProblems(step.condition));
      if (step.condition_met_branch === undefined && step.default_branch === undefined)
        problems.push('choice steps need a "condition_met_branch" or a "default_branch".');
      for (const name of ["condition_met_branch", "default_branch"] as const) {
        const branch = step[name];
        if (branch !== undefined && (!isRecord(branch) || !Array.isArray(branch.steps)))
          problems.push(`${name} needs a "steps" list.`);
      }
      break;
  }
  return problems;
}

function httpProblems(step: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (typeof step.url !== "string" || step.url.trim() === "") {
    problems.push('http steps need a "url".');
  } else if (!step.url.includes("{{")) {
    try {
      const parsed = new URL(step.url);
      if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
        problems.push("url must be an http(s) URL.");
    } catch {
      problems.push(`url ${JSON.stringify(step.url)} is not a valid URL.`);
    }
  }
  if (
    step.method !== undefined &&
    (typeof step.method !== "string" || !HTTP_METHODS.includes(step.method.toUpperCase()))
  )
    problems.push(`method must be one of ${HTTP_METHODS.join(", ")}.`);
  for (const field of ["headers", "query_params"])
    if (step[field] !== undefined && !isRecord(step[field]))
      problems.push(`${field} must be an object.`);
  if (step.timeout !== undefined && !(typeof step.timeout === "number" && step.timeout > 0))
    problems.push("timeout must be a positive number of milliseconds.");
  const auth = step.auth;
  if (auth !== undefined) {
    if (!isRecord(auth) || typeof auth.type !== "string" || !AUTH_TYPES.includes(auth.type))
      problems.push(`auth.type must be one of ${AUTH_TYPES.join(", ")}.`);
    else if (auth.type === "basic" && auth.username === undefined)
      problems.push("basic auth needs a username (and password).");
    else if (auth.type === "bearer" && auth.token === undefined)
      problems.push("bearer auth needs a token.");
    else if (auth.type === "api_key" && auth.value === undefined && auth.key === undefined)
      problems.push("api_key auth needs a value (and a header name).");
  }
  return problems;
}

function retryProblems(retry: unknown): string[] {
  if (!isRecord(retry)) return ['retry must be an object like {"max_attempts": 3}.'];
  const problems: string[] = [];
  const attempts = retry.max_attempts;
  if (
    attempts !== undefined &&
    !(typeof attempts === "number" && Number.isInteger(attempts) && attempts >= 1 && attempts <= 10)
  )
    problems.push("retry.max_attempts must be a whole number from 1 to 10.");
  for (const field of ["initial_delay_seconds", "delay_seconds", "backoff_multiplier"]) {
    const value = retry[field];
    if (value !== undefined && !(typeof value === "number" && value >= 0))
      problems.push(`retry.${field} must be a non-negative number.`);
  }
  const backoff = retry.backoff;
  if (
    backoff !== undefined &&
    !(typeof backoff === "number" && backoff >= 0) &&
    !(typeof backoff === "string" && BACKOFF_NAMES.includes(backoff))
  )
    problems.push(`retry.backoff must be a number or one of ${BACKOFF_NAMES.join(", ")}.`);
  if (
    retry.retry_on !== undefined &&
    !(Array.isArray(retry.retry_on) && retry.retry_on.every((item) => typeof item === "string"))
  )
    problems.push("retry.retry_on must be a list of error kinds.");
  return problems;
}

function conditionProblems(condition: unknown): string[] {
  if (!isRecord(condition)) return ["a condition must be an object."];
  for (const logical of ["and", "or"] as const) {
    if (condition[logical] !== undefined) {
      const parts = condition[logical];
      return Array.isArray(parts)
        ? parts.flatMap(conditionProblems)
        : [`"${logical}" must be a list of conditions.`];
    }
  }
  if (condition.not !== undefined) return conditionProblems(condition.not);
  const problems: string[] = [];
  if (condition.expression === undefined)
    problems.push('a condition needs an "expression" (e.g. "$.step1.primary"), or and/or/not.');
  const operator = condition.operator;
  if (
    typeof operator !== "string" ||
    !(CONDITION_OPERATORS as readonly string[]).includes(operator)
  ) {
    problems.push(
      `unknown condition operator ${JSON.stringify(operator ?? null)} (expected one of ${CONDITION_OPERATORS.join(", ")}).`,
    );
    return problems;
  }
  if (!VALUELESS_OPERATORS.has(operator) && !("value" in condition))
    problems.push(`operator "${operator}" needs a "value".`);
  return problems;
}
