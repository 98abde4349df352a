// The server names bad fields ("prompt", "settings.width", "image_urls[1]"); rjsf wants an
// error tree to show them at those fields. Names the form has no field for are returned apart,
// so the form can still show them instead of losing them.
import type { JsonSchema } from "@/lib/shared/catalog-types";
import { propertiesOf } from "./schema-access";

export type ErrorTree = { __errors?: string[]; [key: string]: ErrorTree | string[] | undefined };

function pathOf(name: string): string[] {
  return name
    .replace(/\[(\w+)\]/g, ".$1")
    .split(/[./]/)
    .filter(Boolean);
}

export function placeFieldErrors(
  schema: JsonSchema,
  fieldErrors: Record<string, string> | undefined,
): { tree: ErrorTree; unplaced: string[] } {
  const fields = propertiesOf(schema);
  const tree: ErrorTree = {};
  const unplaced: string[] = [];
  for (const [name, message] of Object.entries(fieldErrors ?? {})) {
    const path = pathOf(name);
    const [head] = path;
    if (!message || head === undefined || !(head in fields)) {
      if (message) unplaced.push(path.length > 0 ? `${name}: ${message}` : message);
      continue;
    }
    let node = tree;
    for (const key of path) {
      const child = node[key];
      node = (
        typeof child === "object" && !Array.isArray(child) ? child : (node[key] = {})
      ) as ErrorTree;
    }
    node.__errors = [...(node.__errors ?? []), message];
  }
  return { tree, unplaced };
}
