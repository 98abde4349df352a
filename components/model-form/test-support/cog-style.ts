// Rewrites a clean fixture schema the way Cog / Replicate-derived catalogs ship it: each enum
// moved to `definitions` and referenced through `{"allOf": [{"$ref": …}]}`, and defaults
// written as strings ("1337", "0.35", "False"). The form must treat both the same.
import type { JsonSchema } from "@/lib/shared/catalog-types";

export function cogStyle(schema: JsonSchema): JsonSchema {
  const properties = schema.properties as Record<string, JsonSchema>;
  const definitions: Record<string, JsonSchema> = {};
  const messy: Record<string, JsonSchema> = {};
  for (const [name, prop] of Object.entries(properties)) {
    const { enum: options, type, default: fallback, ...rest } = prop;
    if (Array.isArray(options)) {
      definitions[name] = { title: name, description: "An enumeration.", type, enum: options };
      messy[name] = {
        ...rest,
        allOf: [{ $ref: `#/definitions/${name}` }],
        ...(fallback === undefined ? {} : { default: fallback }),
      };
      continue;
    }
    const stringDefault =
      fallback === undefined
        ? {}
        : typeof fallback === "boolean"
          ? { default: fallback ? "True" : "False" }
          : { default: String(fallback) };
    messy[name] = {
      ...rest,
      type,
      ...(type === "string"
        ? fallback === undefined
          ? {}
          : { default: fallback }
        : stringDefault),
    };
  }
  return { ...schema, properties: messy, definitions };
}
