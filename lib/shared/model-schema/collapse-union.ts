// `oneOf` / `anyOf` in model schemas mostly mean one of three simple things; each becomes the
// plain schema rjsf renders well:
//   [{const: "a", title: "A"}, …]        → an enum with labels (a select, not a sub-form)
//   [{type: "string"}, {type: "null"}]   → just the string (optional already says "may be absent")
//   [{…object…}, {…object…}]             → kept: a sub-form per option, with a discriminator
import type { JsonSchema } from "@/lib/shared/catalog-types";
import { propertiesOf, schemaList, typeOf } from "./schema-access";

export type CollapsedUnion = {
  schema: JsonSchema;
  /** Labels for `schema.enum`, in order, when the options carried titles. */
  enumLabels?: string[];
  /** The option schemas still to render as a choice of sub-forms. */
  objectOptions?: JsonSchema[];
  unionKey?: "oneOf" | "anyOf";
};

function isNullOption(option: JsonSchema): boolean {
  return (
    option.type === "null" || (Array.isArray(option.type) && option.type.every((t) => t === "null"))
  );
}

function constOf(option: JsonSchema): { value: unknown } | null {
  if ("const" in option) return { value: option.const };
  if (Array.isArray(option.enum) && option.enum.length === 1) return { value: option.enum[0] };
  return null;
}

function inferEnumType(values: readonly unknown[]): string | undefined {
  if (values.every((v) => typeof v === "string")) return "string";
  if (values.every((v) => typeof v === "number" && Number.isInteger(v))) return "integer";
  if (values.every((v) => typeof v === "number")) return "number";
  if (values.every((v) => typeof v === "boolean")) return "boolean";
  return undefined;
}

function isObjectOption(option: JsonSchema): boolean {
  return typeOf(option) === "object" || Object.keys(propertiesOf(option)).length > 0;
}

/** The property every option pins with a `const`, when there is one: it tells options apart. */
function inferDiscriminator(options: JsonSchema[]): string | undefined {
  const first = options[0];
  if (!first) return undefined;
  return Object.keys(propertiesOf(first)).find((key) =>
    options.every((option) => {
      const prop = propertiesOf(option)[key];
      return prop !== undefined && constOf(prop) !== null;
    }),
  );
}

export function collapseUnion(node: JsonSchema): CollapsedUnion {
  const unionKey = Array.isArray(node.oneOf)
    ? "oneOf"
    : Array.isArray(node.anyOf)
      ? "anyOf"
      : undefined;
  if (!unionKey) return { schema: node };
  const { [unionKey]: rawOptions, ...own } = node;
  const options = schemaList(rawOptions).filter((option) => !isNullOption(option));

  if (options.length === 0) return { schema: own };

  const values = options.flatMap((option) => {
    const pinned = constOf(option);
    return pinned ? [pinned.value] : [];
  });
  if (values.length === options.length) {
    const labels = options.map((option, i) =>
      typeof option.title === "string" && option.title !== "" ? option.title : String(values[i]),
    );
    const type = typeOf(own) ?? inferEnumType(values);
    const hasTitles = options.some((option) => typeof option.title === "string");
    return {
      schema: { ...own, ...(type ? { type } : {}), enum: values },
      ...(hasTitles ? { enumLabels: labels } : {}),
    };
  }

  if (options.length > 1 && options.every(isObjectOption)) {
    const discriminator = isDiscriminator(own.discriminator)
      ? own.discriminator.propertyName
      : inferDiscriminator(options);
    return {
      schema: {
        ...own,
        type: "object",
        ...(discriminator ? { discriminator: { propertyName: discriminator } } : {}),
      },
      objectOptions: options,
      unionKey,
    };
  }

  // One option left, or a mix of primitives rjsf cannot render as one field: take the first.
  const [chosen] = options;
  return { schema: { ...chosen, ...own } };
}

function isDiscriminator(value: unknown): value is { propertyName: string } {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { propertyName?: unknown }).propertyName === "string"
  );
}
