// rjsf resolves `$ref` and `allOf` itself, but loses values on the way (see STACK-NOTES: a
// Cog-style `{"allOf": [{"$ref": "#/definitions/scheduler"}]}` enum drops its value when rjsf
// recomputes defaults). So every local reference is inlined and every `allOf` merged before rjsf
// ever sees the schema: what reaches the form is plain, self-contained JSON Schema.
import type { JsonSchema } from "@/lib/shared/catalog-types";
import { isSchema } from "./schema-access";

/** Keywords whose value is one schema. */
const SCHEMA_KEYS = [
  "items",
  "additionalProperties",
  "additionalItems",
  "contains",
  "not",
  "if",
  "then",
  "else",
];
/** Keywords whose value is a list of schemas. */
const SCHEMA_LIST_KEYS = ["allOf", "anyOf", "oneOf", "prefixItems"];
/** Keywords whose value maps names to schemas. */
const SCHEMA_MAP_KEYS = ["properties", "patternProperties", "dependentSchemas"];

/** Cog's enums come with this as their description: it says nothing to a person. */
const BOILERPLATE_DESCRIPTIONS = new Set(["An enumeration."]);

const MAX_DEPTH = 32;

/** Follows a local JSON pointer (`#/definitions/x`, `#/$defs/x`, `#/components/schemas/x`). */
function lookup(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith("#")) return undefined;
  const path = ref
    .slice(1)
    .split("/")
    .filter(Boolean)
    .map((part) => decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~"));
  let node: unknown = root;
  for (const part of path) {
    if (!isSchema(node)) return undefined;
    node = node[part];
  }
  return isSchema(node) ? node : undefined;
}

/** Merges `over` onto `base`: `over` wins, except that properties merge and `required` unites. */
function mergeSchemas(base: JsonSchema, over: JsonSchema): JsonSchema {
  const merged: JsonSchema = { ...base, ...over };
  if (isSchema(base.properties) && isSchema(over.properties)) {
    const properties: JsonSchema = { ...base.properties };
    for (const [key, value] of Object.entries(over.properties)) {
      const existing = properties[key];
      properties[key] =
        isSchema(existing) && isSchema(value) ? mergeSchemas(existing, value) : value;
    }
    merged.properties = properties;
  }
  if (Array.isArray(base.required) || Array.isArray(over.required)) {
    const all = [
      ...(Array.isArray(base.required) ? base.required : []),
      ...(Array.isArray(over.required) ? over.required : []),
    ];
    merged.required = [...new Set(all)];
  }
  return merged;
}

/** What a referenced or `allOf` part brings, without the boilerplate words Cog adds to enums. */
function partForMerge(part: JsonSchema): JsonSchema {
  const { description, ...rest } = part;
  return typeof description === "string" && BOILERPLATE_DESCRIPTIONS.has(description.trim())
    ? rest
    : part;
}

function resolveChildren(node: JsonSchema, root: JsonSchema, seen: readonly string[]): JsonSchema {
  const out: JsonSchema = { ...node };
  for (const key of SCHEMA_KEYS) {
    if (isSchema(out[key])) out[key] = resolveNode(out[key], root, seen);
    else if (key === "items" && Array.isArray(out[key])) {
      out[key] = (out[key] as unknown[]).map((item) =>
        isSchema(item) ? resolveNode(item, root, seen) : item,
      );
    }
  }
  for (const key of SCHEMA_LIST_KEYS) {
    if (Array.isArray(out[key])) {
      out[key] = (out[key] as unknown[])
        .filter(isSchema)
        .map((item) => resolveNode(item, root, seen));
    }
  }
  for (const key of SCHEMA_MAP_KEYS) {
    const map = out[key];
    if (!isSchema(map)) continue;
    const resolved: JsonSchema = {};
    for (const [name, value] of Object.entries(map)) {
      resolved[name] = isSchema(value) ? resolveNode(value, root, seen) : value;
    }
    out[key] = resolved;
  }
  return out;
}

function resolveNode(node: JsonSchema, root: JsonSchema, seen: readonly string[]): JsonSchema {
  if (seen.length > MAX_DEPTH) return {};
  const ref = node.$ref;
  if (typeof ref === "string") {
    const { $ref: _ref, ...siblings } = node;
    // A cycle (a tree of nodes, say) cannot be inlined: the inner repetition becomes a plain field.
    const target = seen.includes(ref) ? undefined : lookup(root, ref);
    const resolvedTarget = target ? resolveNode(target, root, [...seen, ref]) : {};
    return resolveNode(mergeSchemas(partForMerge(resolvedTarget), siblings), root, seen);
  }
  const withChildren = resolveChildren(node, root, seen);
  if (Array.isArray(withChildren.allOf)) {
    const { allOf, ...own } = withChildren;
    const parts = (allOf as JsonSchema[]).map(partForMerge);
    const merged = parts.reduce<JsonSchema>((acc, part) => mergeSchemas(acc, part), {});
    // The field's own keys (title, default, x-order) win over what the referenced type says.
    return mergeSchemas(merged, own);
  }
  return withChildren;
}

/** A copy of `schema` with every local `$ref` inlined and every `allOf` merged into its parent. */
export function resolveRefs(schema: JsonSchema): JsonSchema {
  const { definitions: _definitions, $defs: _defs, ...resolved } = resolveNode(schema, schema, []);
  return resolved;
}
