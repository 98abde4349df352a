/**
 * JSON the way Python's `json.dumps` writes it by default (", " and ": "
 * separators, non-ASCII escaped), as the FastAPI service behind each::sense
 * does: the recorded fixtures look like this, so the simulator's streams do too.
 * Any JSON parser reads it the same as compact JSON.
 */
export function pyJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  switch (typeof value) {
    case "string":
      return asciiString(value);
    case "number":
      return Number.isFinite(value) ? String(value) : "null";
    case "boolean":
      return value ? "true" : "false";
    case "object":
      if (Array.isArray(value)) return `[${value.map((item) => pyJson(item)).join(", ")}]`;
      return `{${Object.entries(value as Record<string, unknown>)
        .filter(([, item]) => item !== undefined && typeof item !== "function")
        .map(([key, item]) => `${asciiString(key)}: ${pyJson(item)}`)
        .join(", ")}}`;
    default:
      return "null";
  }
}

function asciiString(text: string): string {
  return JSON.stringify(text).replace(
    /[\u0080-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
