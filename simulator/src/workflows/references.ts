/**
 * The two reference syntaxes of a definition:
 * - templates in step fields: `{{inputs.prompt}}`, `{{generate.primary}}`,
 *   `{{generate.output.url}}`, `{{generate.output[0]}}`, also inside longer strings;
 * - expressions in choice conditions: `$.inputs.upscale`, `$.step1.primary`,
 *   `$.step1.output.filename`.
 * Both name a path whose first segment is `inputs` or a step id.
 */

export type PathSegment = string | number;

export interface Reference {
  /** `inputs` or a step id. */
  scope: string;
  /** The rest of the path: `["primary"]`, `["output", "url"]`, `["prompt"]`... */
  path: PathSegment[];
  /** The text as written, for error messages. */
  text: string;
}

/** `{{ ... }}`; the inside is parsed by parsePath. */
export const TEMPLATE_PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;
const WHOLE_TEMPLATE = /^\{\{\s*([^{}]*?)\s*\}\}$/;

/** `a.b[0].c` → ["a", "b", 0, "c"]; null when it is not a path. */
export function parsePath(text: string): PathSegment[] | null {
  const segments: PathSegment[] = [];
  const pattern = /([^.[\]\s]+)|\[(\d+)\]|\.|\s+/g;
  let expectName = true;
  let consumed = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index !== consumed) return null;
    consumed += match[0].length;
    if (/^\s+$/.test(match[0])) return null;
    if (match[0] === ".") {
      if (expectName) return null;
      expectName = true;
      continue;
    }
    if (match[2] !== undefined) {
      if (segments.length === 0) return null;
      segments.push(Number(match[2]));
      expectName = false;
      continue;
    }
    const name = match[1] ?? "";
    if (!expectName) return null;
    segments.push(/^\d+$/.test(name) && segments.length > 0 ? Number(name) : name);
    expectName = false;
  }
  if (consumed !== text.length || segments.length === 0 || expectName) return null;
  return segments;
}

function toReference(inner: string, text: string): Reference | null {
  const segments = parsePath(inner);
  if (segments === null || typeof segments[0] !== "string") return null;
  return { scope: segments[0], path: segments.slice(1), text };
}

/** The reference a whole-string template names (`"{{x.primary}}"`), else null. */
export function wholeTemplate(value: string): Reference | null {
  const match = WHOLE_TEMPLATE.exec(value);
  return match === null ? null : toReference(match[1] ?? "", value);
}

/** Every `{{...}}` in a string, with the ones that do not parse as paths reported as null. */
export function templatesIn(value: string): { text: string; reference: Reference | null }[] {
  return [...value.matchAll(TEMPLATE_PATTERN)].map((match) => ({
    text: match[0],
    reference: toReference(match[1] ?? "", match[0]),
  }));
}

/** `$.step1.primary` → its reference; null when the text is not a `$.` expression. */
export function parseExpression(expression: unknown): Reference | null {
  if (typeof expression !== "string") return null;
  const trimmed = expression.trim();
  if (!trimmed.startsWith("$.")) return null;
  return toReference(trimmed.slice(2), trimmed);
}

export function isExpression(expression: unknown): boolean {
  return typeof expression === "string" && expression.trim().startsWith("$");
}

/** Every template reference anywhere in a JSON value (strings inside arrays and objects too). */
export function templateReferencesIn(
  value: unknown,
): { text: string; reference: Reference | null }[] {
  if (typeof value === "string") return templatesIn(value);
  if (Array.isArray(value)) return value.flatMap(templateReferencesIn);
  if (typeof value === "object" && value !== null)
    return Object.values(value).flatMap(templateReferencesIn);
  return [];
}
