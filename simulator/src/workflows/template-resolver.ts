import {
  TEMPLATE_PATTERN,
  parsePath,
  wholeTemplate,
  type PathSegment,
  type Reference,
} from "./references.js";

/** What later steps can read of a step: `{{id.output}}`, `{{id.primary}}`, `{{id.metadata.model}}`... */
export interface StepValue {
  status: string;
  output: unknown;
  primary: unknown;
  metadata: Record<string, unknown>;
  error?: string | null;
}

export interface ResolveScope {
  inputs: Record<string, unknown>;
  steps: ReadonlyMap<string, StepValue>;
}

/** A template that cannot be filled (its step did not complete); the step using it fails with this message. */
export class TemplateError extends Error {}

/**
 * The primary result of an output: a string is itself; a list gives its first
 * element (the first URL of a media list); an object with `url`/`urls` gives
 * that URL; anything else is the value itself.
 */
export function primaryOf(output: unknown): unknown {
  if (Array.isArray(output)) return output.length === 0 ? null : primaryOf(output[0]);
  if (typeof output === "object" && output !== null) {
    const record = output as Record<string, unknown>;
    if (typeof record.url === "string") return record.url;
    if (Array.isArray(record.urls) && typeof record.urls[0] === "string") return record.urls[0];
  }
  return output ?? null;
}

function walk(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || current === undefined) return undefined;
    if (typeof segment === "number") {
      if (!Array.isArray(current)) return undefined;
      current = current[segment];
    } else if (typeof current === "object" && !Array.isArray(current)) {
      const record = current as Record<string, unknown>;
      current = Object.hasOwn(record, segment) ? record[segment] : undefined;
    } else if (Array.isArray(current) && /^\d+$/.test(segment)) {
      current = current[Number(segment)];
    } else {
      return undefined;
    }
  }
  return current;
}

/** Reads a step's field: output, primary, metadata, status, error; any other name reads inside its output. */
function readStep(step: StepValue, path: readonly PathSegment[]): unknown {
  const [field, ...rest] = path;
  switch (field) {
    case undefined:
      return step.output;
    case "output":
    case "outputs":
      return walk(step.output, rest);
    case "primary":
      return walk(step.primary, rest);
    case "metadata":
      return walk(step.metadata, rest);
    case "status":
      return rest.length === 0 ? step.status : undefined;
    case "error":
      return rest.length === 0 ? (step.error ?? null) : undefined;
    default:
      // `{{config.style}}` for a pass step's `result: {style: ...}`.
      return walk(step.output, path);
  }
}

/**
 * The value a reference names. For `$.` condition expressions (`strict` false)
 * anything missing is undefined, so `exists`/`is_null` can test it; for
 * templates (`strict` true) a step that has not completed is an error, as the
 * platform fails an execution whose template names such a step.
 */
export function lookup(reference: Reference, scope: ResolveScope, strict: boolean): unknown {
  if (reference.scope === "inputs") return walk(scope.inputs, reference.path);
  const step = scope.steps.get(reference.scope);
  if (step === undefined || step.status !== "completed") {
    if (!strict) return step === undefined ? undefined : readStep(step, reference.path);
    const why =
      step === undefined
        ? "which has not run"
        : step.status === "skipped"
          ? "which was skipped"
          : step.status === "failed"
            ? "which failed"
            : `which is ${step.status}`;
    throw new TemplateError(`${reference.text} references step "${reference.scope}", ${why}`);
  }
  return readStep(step, reference.path);
}

/** How a value is written into a longer string: text as is, null/missing as nothing, objects as JSON. */
function embed(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/**
 * Fills every `{{...}}` in a JSON value. A string that is exactly one template
 * keeps the value's type (`"{{inputs.count}}"` → 3, a list stays a list); a
 * template inside a longer string is written as text. An object field whose
 * whole-string template names a missing input is left out (so an optional model
 * parameter is not sent as ""); in a list it becomes null. Text that is not a
 * path (`{{ not a path }}`) is left as written.
 */
export function resolveTemplates(value: unknown, scope: ResolveScope): unknown {
  if (typeof value === "string") return resolveString(value, scope);
  if (Array.isArray(value))
    return value.map((item) => {
      const resolved = resolveTemplates(item, scope);
      return resolved === undefined ? null : resolved;
    });
  if (typeof value === "object" && value !== null) {
    const result: Record<string, unknown> = {};
    for (const [field, item] of Object.entries(value)) {
      const resolved = resolveTemplates(item, scope);
      if (resolved !== undefined) result[field] = resolved;
    }
    return result;
  }
  return value;
}

function resolveString(value: string, scope: ResolveScope): unknown {
  const whole = wholeTemplate(value);
  if (whole !== null) return lookup(whole, scope, true);
  return value.replace(TEMPLATE_PATTERN, (text: string, inner: string) => {
    const segments = parsePath(inner);
    if (segments === null || typeof segments[0] !== "string") return text;
    return embed(lookup({ scope: segments[0], path: segments.slice(1), text }, scope, true));
  });
}
