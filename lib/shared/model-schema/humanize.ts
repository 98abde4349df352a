import type { JsonSchema } from "@/lib/shared/catalog-types";

/** "num_outputs" → "Num outputs", "startImage" → "Start image": the label when a schema has no title. */
export function humanizeFieldName(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[\s_\-.]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
  const sentence = words.join(" ");
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** The label a field shows: its own `title`, else its humanised name. */
export function fieldLabel(name: string, schema: JsonSchema | undefined): string {
  const title = schema?.title;
  return typeof title === "string" && title.trim() !== "" ? title.trim() : humanizeFieldName(name);
}
