"use client";
import type { FieldHelpProps } from "@rjsf/utils";
import { helpId } from "@rjsf/utils";

export function FieldHelpTemplate({ help, fieldPathId }: FieldHelpProps) {
  if (!help) return null;
  return (
    <p id={helpId(fieldPathId)} className="text-xs text-muted-foreground">
      {help}
    </p>
  );
}
