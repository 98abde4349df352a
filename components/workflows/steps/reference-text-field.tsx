"use client";

import { useId, useRef } from "react";
import type { ReferenceOption } from "@/lib/shared/workflow-reference-options";
import { cn } from "@/lib/shared/cn";
import { inputClass, labelClass, textareaClass } from "./field-classes";
import { insertAt } from "./reference-insert";
import { ReferenceMenu } from "./reference-menu";

/** A text box with its own "Insert reference" button, which types at the caret. */
export function ReferenceTextField({
  label,
  value,
  onChange,
  options,
  multiline = false,
  rows = 3,
  mono = false,
  placeholder,
  error,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly ReferenceOption[];
  multiline?: boolean;
  rows?: number;
  mono?: boolean;
  placeholder?: string;
  error?: string | null;
  hint?: string;
}) {
  const id = useId();
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;

  const pick = (reference: string) => {
    const element = field.current;
    const next = insertAt(
      value,
      element?.selectionStart ?? value.length,
      element?.selectionEnd ?? value.length,
      reference,
    );
    onChange(next.text);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(next.caret, next.caret);
    });
  };

  const common = {
    id,
    ref: field,
    value,
    placeholder,
    spellCheck: false,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };
  return (
    <div className="space-y-1">
      <div className="flex items-end justify-between gap-2">
        <label htmlFor={id} className={labelClass}>
          {label}
        </label>
        <ReferenceMenu options={options} onPick={pick} />
      </div>
      {multiline ? (
        <textarea {...common} rows={rows} className={textareaClass} />
      ) : (
        <input {...common} type="text" className={cn(inputClass, mono && "font-mono")} />
      )}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-destructive">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
