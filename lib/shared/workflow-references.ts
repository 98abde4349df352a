// The two reference syntaxes of a definition: `{{inputs.prompt}}` / `{{generate.primary}}`
// templates in step fields (also inside longer strings), and `$.step1.primary` expressions in
// choice conditions. Both name a path whose first segment is `inputs` or a step id.
// Browser-safe.

export type PathSegment = string | number;

export type Reference = {
  /** `inputs` or a step id. */
  scope: string;
  /** The rest of the path: ["primary"], ["output", "url"], ["prompt"]… */
  path: PathSegment[];
  /** As written, for messages. */
  text: string;
};

const TEMPLATE = /\{\{\s*([^{}]*?)\s*\}\}/g;

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

/** Every `{{…}}` in a string; those that are not paths come back with `reference: null`. */
export function templatesIn(value: string): { text: string; reference: Reference | null }[] {
  return [...value.matchAll(TEMPLATE)].map((match) => ({
    text: match[0],
    reference: toReference(match[1] ?? "", match[0]),
  }));
}

/** Every template anywhere in a JSON value (strings inside lists and objects too). */
export function templateReferencesIn(
  value: unknown,
): { text: string; reference: Reference | null }[] {
  if (typeof value === "string") return templatesIn(value);
  if (Array.isArray(value)) return value.flatMap(templateReferencesIn);
  if (typeof value === "object" && value !== null)
    return Object.values(value).flatMap(templateReferencesIn);
  return [];
}

export function isExpression(value: unknown): value is string {
  return typeof value === "string" && value.trim().startsWith("$");
}

/** `$.step1.primary` → its reference; null when it is not a `$.` path. */
export function parseExpression(value: unknown): Reference | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  if (!trimmed.startsWith("$.")) return null;
  return toReference(trimmed.slice(2), trimmed);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * `value` with every reference to step `from` (templates anywhere in its strings, and `$.`
 * expressions) pointing at `to` instead; other references and text are left as written.
 */
export function renameReferences(value: unknown, from: string, to: string): unknown {
  if (typeof value === "string") return renameInString(value, from, to);
  if (Array.isArray(value)) return value.map((item) => renameReferences(item, from, to));
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, renameReferences(item, from, to)]),
    );
  return value;
}

function renameInString(text: string, from: string, to: string): string {
  const scope = new RegExp(`^(\\{\\{\\s*|\\s*\\$\\.)${escapeRegExp(from)}`);
  if (parseExpression(text)?.scope === from) return text.replace(scope, `$1${to}`);
  return text.replace(TEMPLATE, (template, inner: string) =>
    toReference(inner, template)?.scope === from ? template.replace(scope, `$1${to}`) : template,
  );
}
