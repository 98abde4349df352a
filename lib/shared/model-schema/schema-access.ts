// Typed reads from a loosely typed JSON Schema node (real model schemas are messy, so every
// read checks the shape it expects instead of trusting it).
import type { JsonSchema } from "@/lib/shared/catalog-types";

export function isSchema(value: unknown): value is JsonSchema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function schemaList(value: unknown): JsonSchema[] {
  return Array.isArray(value) ? value.filter(isSchema) : [];
}

export function propertiesOf(schema: JsonSchema): Record<string, JsonSchema> {
  const props = schema.properties;
  if (!isSchema(props)) return {};
  const out: Record<string, JsonSchema> = {};
  for (const [key, value] of Object.entries(props)) if (isSchema(value)) out[key] = value;
  return out;
}

export function requiredOf(schema: JsonSchema): string[] {
  return Array.isArray(schema.required)
    ? schema.required.filter((key): key is string => typeof key === "string")
    : [];
}

export type PrimitiveType =
  "string" | "number" | "integer" | "boolean" | "object" | "array" | "null";

/** The single declared type (the first non-null one of a type list), if any. */
export function typeOf(schema: JsonSchema): PrimitiveType | undefined {
  const raw = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  return typeof raw === "string" ? (raw as PrimitiveType) : undefined;
}

export function numberOf(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) {
    return Number(value);
  }
  return undefined;
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
