"use client";
import type { DescriptionFieldProps } from "@rjsf/utils";

/** A field's schema description, shown as help text under the control. */
export function DescriptionFieldTemplate({ id, description }: DescriptionFieldProps) {
  if (!description) return null;
  return (
    <p id={id} className="text-xs leading-relaxed text-muted-foreground">
      {description}
    </p>
  );
}
