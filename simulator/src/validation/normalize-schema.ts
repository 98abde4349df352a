import type { JsonSchema } from "../catalog/catalog-model.js";
import { coerceScalar, expectedType, matchEnum } from "./coerce-value.js";

const MAX_DEPTH = 32;

/**
 * Turns a messy catalog schema into one ajv can compile and apply defaults from:
 * local `$ref`s are inlined (unresolvable ones accept anything, since Cog-style
 * schemas point at `#/components/...` outside the input schema), single-purpose
 * `allOf` wrappers are merged into their property, and string defaults such as
 * "1" or "False" become the declared type (or are dropped if they cannot).
 */
export function normalizeSchema(root: JsonSchema): JsonSchema {
  const normalized = walk(root, root, 0, new Set());
  delete normalized.definitions;
  delete normalized.$defs;
  if (normalized.type === undefined) normalized.type = "object";
  return normalized;
}

function walk(node: JsonSchema, root: JsonSchema, depth: number, refs: Set<string>): JsonSchema {
  if (depth > MAX_DEPTH) return {};
  let result: JsonSchema = { ...node };

  const ref = result.$ref;
  if (typeof ref === "string") {
    delete result.$ref;
    const target = !refs.has(ref) ? resolvePointer(root, ref) : undefined;
    if (target !== undefined) {
      const inner = walk(target, root, depth + 1, new Set([...refs, ref]));
      result = { ...inner, ...result };
    }
  }

  if (Array.isArray(result.allOf)) {
    const members = result.allOf
      .filter(isSchema)
      .map((member) => walk(member, root, depth + 1, refs));
    delete result.allOf;
    // The wrapper's own keywords (default, title, description) win over the member's.
    result = Object.assign({}, ...members, result) as JsonSchema;
  }

  for (const keyword of ["anyOf", "oneOf"] as const) {
    const options = result[keyword];
    if (Array.isArray(options)) {
      result[keyword] = options
        .filter(isSchema)
        .map((option) => walk(option, root, depth + 1, refs));
    }
  }

  if (isSchema(result.properties)) {
    const properties: Record<string, JsonSchema> = {};
    for (const [name, property] of Object.entries(result.properties)) {
      properties[name] = isSchema(property) ? walk(property, root, depth + 1, refs) : {};
    }
    result.properties = properties;
  }
  if (isSchema(result.items)) result.items = walk(result.items, root, depth + 1, refs);
  if (isSchema(result.additionalProperties)) {
    result.additionalProperties = walk(result.additionalProperties, root, depth + 1, refs);
  }
  if (Array.isArray(result.required)) {
    result.required = result.required.filter((name): name is string => typeof name === "string");
  }

  fixDefault(result);
  return result;
}

function fixDefault(schema: JsonSchema): void {
  if (!("default" in schema) || schema.default === null) return;
  const coerced = coerceScalar(schema.default, expectedType(schema));
  if (!coerced.ok) {
    delete schema.default;
    return;
  }
  schema.default = coerced.value;
  if (Array.isArray(schema.enum)) {
    const member = matchEnum(coerced.value, schema.enum);
    if (member.ok) schema.default = member.value;
    else delete schema.default;
  }
}

function resolvePointer(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith("#/")) return undefined;
  let current: unknown = root;
  for (const raw of ref.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (!isSchema(current)) return undefined;
    current = current[key];
  }
  return isSchema(current) ? current : undefined;
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
