// Walks a resolved schema once, producing the schema rjsf gets and the uiSchema beside it.
import type { JsonSchema } from "@/lib/shared/catalog-types";
import { collapseUnion } from "./collapse-union";
import { orderFields } from "./field-order";
import { fieldLabel, humanizeFieldName } from "./humanize";
import { normalizeField } from "./normalize-field";
import { isSchema, propertiesOf, requiredOf, typeOf } from "./schema-access";
import type { UiSchemaNode } from "./types";
import { widgetForField } from "./widget-for-field";

export type PreparedNode = { schema: JsonSchema; ui: UiSchemaNode };

function prepareProperties(schema: JsonSchema, ui: UiSchemaNode): void {
  const props = propertiesOf(schema);
  const prepared: Record<string, JsonSchema> = {};
  for (const [key, value] of Object.entries(props)) {
    const node = prepareNode(value, key);
    prepared[key] = node.schema;
    ui[key] = node.ui;
  }
  schema.properties = prepared;
  const required = requiredOf(schema).filter((key) => key in prepared);
  if (required.length > 0) schema.required = required;
  else delete schema.required;
  const order = orderFields(schema);
  if (order.length > 1) ui["ui:order"] = order;
}

/** One option of an object union: its pinned property is filled in and hidden (the selector shows it). */
function prepareObjectOption(
  option: JsonSchema,
  discriminator: string | undefined,
  index: number,
): PreparedNode {
  const node = prepareNode({ type: "object", ...option }, "");
  const pinned = discriminator ? propertiesOf(node.schema)[discriminator] : undefined;
  let title = typeof option.title === "string" ? option.title : `Option ${index + 1}`;
  if (discriminator && pinned) {
    const value =
      "const" in pinned ? pinned.const : Array.isArray(pinned.enum) ? pinned.enum[0] : undefined;
    if (value !== undefined) {
      (node.schema.properties as Record<string, JsonSchema>)[discriminator] = {
        ...pinned,
        default: value,
      };
      if (typeof option.title !== "string") title = humanizeFieldName(String(value));
    }
    node.ui[discriminator] = { ...(node.ui[discriminator] as UiSchemaNode), "ui:widget": "hidden" };
  }
  node.ui["ui:title"] = title;
  return node;
}

export function prepareNode(raw: JsonSchema, name: string): PreparedNode {
  const collapsed = collapseUnion(raw);
  const schema = normalizeField(collapsed.schema);
  const ui: UiSchemaNode = {};
  if (name) ui["ui:title"] = fieldLabel(name, schema);

  const type = typeOf(schema);
  if (collapsed.objectOptions && collapsed.unionKey) {
    const discriminator = isSchema(schema.discriminator)
      ? (schema.discriminator.propertyName as string | undefined)
      : undefined;
    const options = collapsed.objectOptions.map((option, i) =>
      prepareObjectOption(option, discriminator, i),
    );
    schema[collapsed.unionKey] = options.map((option) => option.schema);
    ui[collapsed.unionKey] = options.map((option) => option.ui);
  }
  if (type === "object") {
    prepareProperties(schema, ui);
    return { schema, ui };
  }
  if (type === "array" && isSchema(schema.items)) {
    const items = prepareNode(schema.items, "");
    schema.items = items.schema;
    ui.items = items.ui;
  }
  const labels =
    collapsed.enumLabels &&
    Array.isArray(schema.enum) &&
    collapsed.enumLabels.length === schema.enum.length
      ? collapsed.enumLabels
      : undefined;
  return { schema, ui: { ...ui, ...widgetForField(name, schema, labels) } };
}
