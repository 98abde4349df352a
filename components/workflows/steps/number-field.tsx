"use client";

import { useId } from "react";
import { useDraftText } from "../use-draft-text";
import { inputClass, labelClass } from "./field-classes";

/** A number that may be left empty (the setting is then not sent). */
export function NumberField({
  label,
  value,
  onChange,
  hint,
}: {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  hint?: string;
}) {
  const id = useId();
  const draft = useDraftText(value === undefined ? "" : String(value));
  const trimmed = draft.text.trim();
  const invalid = trimmed !== "" && !Number.isFinite(Number(trimmed));
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={draft.text}
        aria-invalid={invalid || undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => {
          const text = event.target.value;
          draft.setText(text);
          if (text.trim() === "") {
            draft.accept("");
            onChange(undefined);
          } else if (Number.isFinite(Number(text.trim()))) {
            const number = Number(text.trim());
            draft.accept(String(number));
            onChange(number);
          }
        }}
        placeholder="Not set"
        className={inputClass}
      />
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
