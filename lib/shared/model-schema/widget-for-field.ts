// Picks the widget of one leaf field and the options it needs, as rjsf uiSchema entries.
import type { JsonSchema } from "@/lib/shared/catalog-types";
import { isAspectRatioList, isBoundedNumber, isPromptLike, isSeedField } from "./field-traits";
import { MAX_IMAGES_PER_REQUEST, PROMPT_MAX_CHARS } from "./limits";
import { mediaKindOfField } from "./media-kind";
import { isSchema, numberOf, typeOf } from "./schema-access";
import type {
  MediaUploadWidgetOptions,
  PromptWidgetOptions,
  SegmentedWidgetOptions,
  SliderWidgetOptions,
  UiSchemaNode,
  WidgetName,
} from "./types";

/** A segmented control fits this many short options on one line; more goes in a select. */
const SEGMENTED_MAX_OPTIONS = 5;
const SEGMENTED_MAX_LABEL = 14;
/** Aspect ratios are short and read best side by side, so they get a longer row. */
const RATIO_MAX_OPTIONS = 10;

function widget(name: WidgetName, options?: object): UiSchemaNode {
  return { "ui:widget": name, ...(options ? { "ui:options": options } : {}) };
}

function sliderStep(schema: JsonSchema, span: number): number {
  const multipleOf = numberOf(schema.multipleOf);
  if (multipleOf) return multipleOf;
  if (typeOf(schema) === "integer") return 1;
  if (span <= 2) return 0.01;
  if (span <= 20) return 0.1;
  return 1;
}

function enumWidget(values: readonly unknown[], labels: readonly string[]): UiSchemaNode {
  const aspectRatio = isAspectRatioList(values);
  const longest = Math.max(...labels.map((label) => label.length));
  const fits = aspectRatio
    ? values.length <= RATIO_MAX_OPTIONS && longest <= SEGMENTED_MAX_LABEL + 4
    : values.length <= SEGMENTED_MAX_OPTIONS && longest <= SEGMENTED_MAX_LABEL;
  if (values.length >= 2 && fits) {
    return widget("segmented", { aspectRatio } satisfies SegmentedWidgetOptions);
  }
  return { "ui:widget": "select" };
}

/** The uiSchema entries (widget, options, labels) for a normalised leaf field. */
export function widgetForField(
  name: string,
  schema: JsonSchema,
  enumLabels?: readonly string[],
): UiSchemaNode {
  const type = typeOf(schema);
  const kind = mediaKindOfField(name, schema);
  if (kind) {
    const isArray = type === "array";
    const declaredMax = numberOf(schema.maxItems);
    const cap = kind === "image" ? MAX_IMAGES_PER_REQUEST : undefined;
    const maxFiles = isArray ? Math.min(declaredMax ?? Infinity, cap ?? Infinity) : 1;
    const options: MediaUploadWidgetOptions = {
      kind,
      multiple: isArray,
      ...(Number.isFinite(maxFiles) ? { maxFiles } : {}),
    };
    return widget("mediaUpload", options);
  }
  if (Array.isArray(schema.enum)) {
    const labels = enumLabels ?? schema.enum.map(String);
    return {
      ...enumWidget(schema.enum, labels),
      ...(enumLabels ? { "ui:enumNames": [...enumLabels] } : {}),
    };
  }
  if (type === "array" && isSchema(schema.items) && Array.isArray(schema.items.enum)) {
    return { "ui:widget": "select" };
  }
  if (type === "boolean") return widget("switch");
  if (isSeedField(name, schema)) return widget("seed");
  if (isBoundedNumber(schema)) {
    const span = (numberOf(schema.maximum) ?? 0) - (numberOf(schema.minimum) ?? 0);
    return widget("slider", { step: sliderStep(schema, span) } satisfies SliderWidgetOptions);
  }
  if (isPromptLike(name, schema)) {
    const maxLength = Math.min(numberOf(schema.maxLength) ?? PROMPT_MAX_CHARS, PROMPT_MAX_CHARS);
    return widget("prompt", { maxLength } satisfies PromptWidgetOptions);
  }
  return {};
}
