// The definition's input_schema as the editor's list of inputs (name, type, required,
// description), and back. Whatever else a property says (enum, default, format) is kept.
import { isRecord, type WorkflowInputSchema } from "@/lib/shared/workflow-types";

export const INPUT_TYPES = ["string", "number", "integer", "boolean", "array", "object"] as const;
export type InputType = (typeof INPUT_TYPES)[number];

export type InputRow = {
  name: string;
  type: InputType;
  required: boolean;
  description: string;
  /** The property's other keywords, untouched. */
  rest: Record<string, unknown>;
};

function typeOf(value: unknown): InputType {
  return (INPUT_TYPES as readonly unknown[]).includes(value) ? (value as InputType) : "string";
}

export function inputRows(schema: unknown): InputRow[] {
  if (!isRecord(schema) || !isRecord(schema.properties)) return [];
  const required = Array.isArray(schema.required) ? schema.required : [];
  return Object.entries(schema.properties).map(([name, raw]) => {
    const property = isRecord(raw) ? raw : {};
    const { type, description, ...rest } = property;
    return {
      name,
      type: typeOf(type),
      required: required.includes(name),
      description: typeof description === "string" ? description : "",
      rest,
    };
  });
}

/** The schema for `rows`, keeping the other top-level keywords of `base`. */
export function schemaFromRows(
  rows: readonly InputRow[],
  base: WorkflowInputSchema | undefined,
): WorkflowInputSchema {
  const properties: Record<string, Record<string, unknown>> = {};
  for (const row of rows)
    properties[row.name] = {
      type: row.type,
      ...(row.description ? { description: row.description } : {}),
      ...row.rest,
    };
  const required = rows.filter((row) => row.required).map((row) => row.name);
  const { required: _required, properties: _properties, ...others } = base ?? {};
  return {
    type: "object",
    ...others,
    properties,
    ...(required.length > 0 ? { required } : {}),
  };
}

/** Why `name` cannot name an input (empty, repeated, not a plain word), or null. */
export function inputNameProblem(name: string, others: readonly string[]): string | null {
  if (!name.trim()) return "Give the input a name.";
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
    return "Use letters, digits and _ (it is read as {{inputs.name}}).";
  if (others.includes(name)) return `There is already an input called “${name}”.`;
  return null;
}

/** A free name for a new input: input_1, input_2… */
export function newInputName(rows: readonly InputRow[]): string {
  for (let n = 1; ; n++) if (!rows.some((row) => row.name === `input_${n}`)) return `input_${n}`;
}
