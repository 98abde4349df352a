"use client";

import type { ReferenceOption } from "@/lib/shared/workflow-reference-options";
import { isRecord } from "@/lib/shared/workflow-types";
import { useDraftText } from "../use-draft-text";
import { ReferenceTextField } from "./reference-text-field";

function format(value: unknown): string {
  return value === undefined ? "" : JSON.stringify(value, null, 2);
}

/**
 * A JSON value (headers, a body, python inputs, a pass result) edited as text. It is applied
 * whenever it parses; until then the last good value stays and the box says what is wrong.
 */
export function JsonField({
  label,
  value,
  onChange,
  options,
  objectOnly = false,
  optional = false,
  rows = 4,
}: {
  label: string;
  value: unknown;
  onChange: (value: unknown) => void;
  options: readonly ReferenceOption[];
  objectOnly?: boolean;
  /** Empty text removes the field. */
  optional?: boolean;
  rows?: number;
}) {
  const draft = useDraftText(format(value));
  let error: string | null = null;
  if (draft.text.trim() !== "" || !optional) {
    try {
      const parsed: unknown = JSON.parse(draft.text);
      if (objectOnly && !isRecord(parsed)) error = 'Write a JSON object: { "name": value }.';
    } catch (caught) {
      error = `Not valid JSON yet: ${(caught as Error).message}. The last valid value is kept.`;
    }
  }

  const change = (text: string) => {
    draft.setText(text);
    if (text.trim() === "" && optional) {
      draft.accept("");
      onChange(undefined);
      return;
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (objectOnly && !isRecord(parsed)) return;
      draft.accept(format(parsed));
      onChange(parsed);
    } catch {
      // Shown below the box; the definition keeps the last value that parsed.
    }
  };

  return (
    <ReferenceTextField
      label={label}
      value={draft.text}
      onChange={change}
      options={options}
      multiline
      rows={rows}
      error={error}
      hint='References go inside strings: "{{inputs.prompt}}".'
    />
  );
}
