import type { JsonSchema } from "@/lib/shared/catalog-types";
import type { UploadKind } from "./limits";

/** An rjsf uiSchema node (`ui:widget`, `ui:options`, `ui:order`, nested fields by name). */
export type UiSchemaNode = { [key: string]: unknown };

/** Our widgets, registered under these names in the form's theme. */
export type WidgetName = "prompt" | "segmented" | "slider" | "switch" | "seed" | "mediaUpload";

export type PromptWidgetOptions = { maxLength: number };
export type SegmentedWidgetOptions = { aspectRatio: boolean };
export type SliderWidgetOptions = { step: number };
export type MediaUploadWidgetOptions = { kind: UploadKind; multiple: boolean; maxFiles?: number };

export type PreparedSchema = {
  /** Plain JSON Schema for rjsf: no `$ref`, no `allOf`, typed defaults. */
  schema: JsonSchema;
  uiSchema: UiSchemaNode;
  /** Top-level fields in display order: required first, then by `x-order`. */
  fieldOrder: string[];
  /** Top-level fields folded into the "Advanced" section (empty when the form is short). */
  advanced: string[];
};
