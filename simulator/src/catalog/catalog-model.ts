export type JsonSchema = Record<string, unknown>;

/** One model exactly as `GET /v1/models` returns it; extra fields in a catalog file pass through. */
export interface CatalogModel {
  title: string;
  slug: string;
  version: string;
  output_type: string;
  request_schema: JsonSchema;
  [extra: string]: unknown;
}

/** Checks the fields the simulator relies on; returns a reason when the entry is unusable. */
export function catalogEntryProblem(entry: unknown): string | null {
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return "not an object";
  const record = entry as Record<string, unknown>;
  for (const field of ["title", "slug", "version", "output_type"]) {
    if (typeof record[field] !== "string") return `missing string field "${field}"`;
  }
  const schema = record.request_schema;
  if (typeof schema !== "object" || schema === null || Array.isArray(schema))
    return 'missing object "request_schema"';
  return null;
}
