// Our rjsf theme: every template and widget the generated form uses, drawn with the app's
// design tokens (no @rjsf/shadcn: its Radix pieces are more than this form needs).
import type { RegistryWidgetsType, TemplatesType } from "@rjsf/utils";
import type { WidgetName } from "@/lib/shared/model-schema";
import { ArrowDownIcon, ArrowUpIcon, CopyIcon, TrashIcon, XIcon } from "./form-icons";
import { AddButton } from "./templates/add-button";
import { ArrayFieldItemButtonsTemplate } from "./templates/array-field-item-buttons-template";
import { ArrayFieldItemTemplate } from "./templates/array-field-item-template";
import { ArrayFieldTemplate } from "./templates/array-field-template";
import { BaseInputTemplate } from "./templates/base-input-template";
import { DescriptionFieldTemplate } from "./templates/description-field-template";
import { ErrorListTemplate } from "./templates/error-list-template";
import { FieldErrorTemplate } from "./templates/field-error-template";
import { FieldHelpTemplate } from "./templates/field-help-template";
import { FieldTemplate } from "./templates/field-template";
import { iconButtonTemplate } from "./templates/icon-button";
import { ObjectFieldTemplate } from "./templates/object-field-template";
import { TitleFieldTemplate } from "./templates/title-field-template";
import { MediaUploadWidget } from "./widgets/media-upload-widget";
import { PromptWidget } from "./widgets/prompt-widget";
import { SeedWidget } from "./widgets/seed-widget";
import { SegmentedWidget } from "./widgets/segmented-widget";
import { SelectWidget } from "./widgets/select-widget";
import { SliderWidget } from "./widgets/slider-widget";
import { SwitchWidget } from "./widgets/switch-widget";

export const templates: Partial<Omit<TemplatesType, "ButtonTemplates">> & {
  ButtonTemplates: Partial<TemplatesType["ButtonTemplates"]>;
} = {
  FieldTemplate,
  ObjectFieldTemplate,
  ArrayFieldTemplate,
  ArrayFieldItemTemplate,
  ArrayFieldItemButtonsTemplate,
  BaseInputTemplate,
  DescriptionFieldTemplate,
  ErrorListTemplate,
  FieldErrorTemplate,
  FieldHelpTemplate,
  TitleFieldTemplate,
  ButtonTemplates: {
    AddButton,
    RemoveButton: iconButtonTemplate("Remove item", <TrashIcon />),
    MoveUpButton: iconButtonTemplate("Move up", <ArrowUpIcon />),
    MoveDownButton: iconButtonTemplate("Move down", <ArrowDownIcon />),
    CopyButton: iconButtonTemplate("Duplicate item", <CopyIcon />),
    ClearButton: iconButtonTemplate("Clear", <XIcon />),
  },
};

const ours: Record<WidgetName, RegistryWidgetsType[string]> = {
  prompt: PromptWidget,
  segmented: SegmentedWidget,
  slider: SliderWidget,
  switch: SwitchWidget,
  seed: SeedWidget,
  mediaUpload: MediaUploadWidget,
};

export const widgets: RegistryWidgetsType = {
  ...ours,
  // rjsf's own names, so fields we did not pick a widget for still get our look.
  SelectWidget,
  CheckboxWidget: SwitchWidget,
  TextareaWidget: PromptWidget,
  RangeWidget: SliderWidget,
};
