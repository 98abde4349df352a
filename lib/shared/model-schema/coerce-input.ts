// What the form holds is not quite what the API wants: widgets hand back strings for numbers,
// empty boxes as "", and the form may carry keys no field owns. This shapes the value to send.
import type { JsonSchema } from "@/lib/shared/catalog-types";
import { NOT_COERCIBLE, coerceValue, matchEnumValue } from "./coerce-value";
import { collapseUnion } from "./collapse-union";
import { normalizeField } from "./normalize-field";
import { resolveRefs } from "./resolve-refs";
import { isSchema, propertiesOf, requiredOf, typeOf } from "./schema-access";

/** Marks "leave this key out of the input". */
const OMIT: unique symbol = Symbol("omit");

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === "string" && value.trim() === "") ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** The option of an object union the value belongs to: by discriminator, else the first. */
function chooseOption(node: JsonSchema, options: JsonSchema[], value: unknown): JsonSchema {
  const discriminator = isSchema(node.discriminator) ? node.discriminator.propertyName : undefined;
  if (typeof discriminator === "string" && isSchema(value)) {
    const match = options.find((option) => {
      const prop = propertiesOf(option)[discriminator];
      return (
        prop !== undefined &&
        (prop.const === value[discriminator] || prop.default === value[discriminator])
      );
    });
    if (match) return match;
  }
  return options[0] ?? {};
}

function coerceObject(node: JsonSchema, value: Record<string, unknown>): Record<string, unknown> {
  const props = propertiesOf(node);
  // A schema that names no fields says nothing to shape by: send what was given.
  if (Object.keys(props).length === 0) return { ...value };
  const required = new Set(requiredOf(node));
  const out: Record<string, unknown> = {};
  for (const [key, propSchema] of Object.entries(props)) {
    const coerced = coerceNode(propSchema, value[key], required.has(key));
    if (coerced !== OMIT) out[key] = coerced;
  }
  return out;
}

function coerceNode(raw: JsonSchema, value: unknown, required: boolean): unknown {
  const collapsed = collapseUnion(raw);
  let node = normalizeField(collapsed.schema);
  if (collapsed.objectOptions) {
    const option = chooseOption(node, collapsed.objectOptions, value);
    node = { ...node, properties: { ...propertiesOf(node), ...propertiesOf(option) } };
  }
  if (isEmpty(value)) return required && value !== undefined && value !== null ? value : OMIT;
  const type = typeOf(node);
  if (type === "object" && isSchema(value)) {
    const shaped = coerceObject(node, value);
    return Object.keys(shaped).length === 0 && !required ? OMIT : shaped;
  }
  if (type === "array" && Array.isArray(value)) {
    const itemSchema = isSchema(node.items) ? node.items : {};
    const items = value
      .map((item) => coerceNode(itemSchema, item, false))
      .filter((item) => item !== OMIT);
    return items.length === 0 && !required ? OMIT : items;
  }
  let coerced = coerceValue(value, type);
  if (coerced !== NOT_COERCIBLE && Array.isArray(node.enum))
    coerced = matchEnumValue(coerced, node.enum);
  // Not readable as its type ("2.5" for an integer): sent as typed, so validation names the field.
  return coerced === NOT_COERCIBLE ? value : coerced;
}

/** The input object to send upstream for `formData` under the model's `schema`. */
export function coerceInput(
  schema: JsonSchema,
  formData: Record<string, unknown>,
): Record<string, unknown> {
  const resolved = resolveRefs(schema);
  return coerceObject({ ...resolved, type: "object" }, isSchema(formData) ? formData : {});
}
