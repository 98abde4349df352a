"use client";
import type { FieldTemplateProps } from "@rjsf/utils";
import { getUiOptions } from "@rjsf/utils";
import { cn } from "@/lib/shared/cn";
import { labelId } from "../aria";

// The required marker is drawn by CSS so it is not part of the label's text: the accessible
// name stays "Prompt", not "Prompt *" (the control itself says it is required).
const labelClasses = "block text-sm font-medium text-foreground";
const requiredMarker = "after:ml-0.5 after:text-destructive after:content-['*']";

/** One field: label, control, description as help text, then its errors. */
export function FieldTemplate(props: FieldTemplateProps) {
  const {
    id,
    label,
    children,
    errors,
    help,
    description,
    hidden,
    required,
    displayLabel,
    uiSchema,
    rawErrors,
  } = props;
  if (hidden) return <div className="hidden">{children}</div>;
  const inline = getUiOptions(uiSchema).widget === "switch";
  const labelNode = displayLabel ? (
    <label id={labelId(id)} htmlFor={id} className={cn(labelClasses, required && requiredMarker)}>
      {label}
    </label>
  ) : null;
  const invalid = (rawErrors?.length ?? 0) > 0;

  if (inline) {
    // A switch reads best on the label's line, the way settings screens lay them out.
    return (
      <div className="space-y-1" data-invalid={invalid || undefined}>
        <div className="flex items-center justify-between gap-4">
          {labelNode}
          {children}
        </div>
        {displayLabel ? description : null}
        {errors}
        {help}
      </div>
    );
  }
  return (
    <div className="space-y-1.5" data-invalid={invalid || undefined}>
      {labelNode}
      {children}
      {displayLabel ? description : null}
      {errors}
      {help}
    </div>
  );
}
