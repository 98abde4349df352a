// Turns a model's raw request schema (as the catalog sends it) into what the generated form
// renders: a plain schema rjsf handles without losing values, and a uiSchema that picks good
// widgets and folds rarely-touched knobs into "Advanced".
import type { JsonSchema } from "@/lib/shared/catalog-types";
import { advancedFields, visibleThenAdvanced } from "./field-order";
import { prepareNode } from "./prepare-node";
import { resolveRefs } from "./resolve-refs";
import { isSchema, propertiesOf } from "./schema-access";
import type { PreparedSchema } from "./types";

export function prepareSchema(raw: JsonSchema): PreparedSchema {
  const resolved = resolveRefs(isSchema(raw) ? raw : {});
  // The input of a model is always an object, even when the schema forgets to say so.
  const { schema, ui } = prepareNode(
    { ...resolved, type: "object", properties: resolved.properties ?? {} },
    "",
  );
  const order = Array.isArray(ui["ui:order"])
    ? (ui["ui:order"] as string[])
    : Object.keys(propertiesOf(schema));
  const advanced = advancedFields(schema, order);
  const fieldOrder = visibleThenAdvanced(order, advanced);
  const uiSchema = {
    ...ui,
    "ui:order": fieldOrder,
    "ui:options": { advanced },
    // The form renders its own submit button (it knows the pending state and the label).
    "ui:submitButtonOptions": { norender: true },
  };
  return { schema, uiSchema, fieldOrder, advanced };
}
