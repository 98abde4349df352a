"use client";

import { useId, useState } from "react";
import { TrashIcon } from "../../model-form/form-icons";
import { IconButton } from "../icon-button";
import { inputClass, labelClass, selectClass } from "../steps/field-classes";
import { useDraftText } from "../use-draft-text";
import { INPUT_TYPES, inputNameProblem, type InputRow, type InputType } from "./input-schema-rows";

/** One workflow input. Its name is applied when the box is left (or Enter), once it is usable. */
export function InputRowEditor({
  row,
  otherNames,
  onChange,
  onRemove,
}: {
  row: InputRow;
  otherNames: readonly string[];
  onChange: (row: InputRow) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const name = useDraftText(row.name);
  const [problem, setProblem] = useState<string | null>(null);
  const commit = () => {
    if (name.text === row.name) return setProblem(null);
    const found = inputNameProblem(name.text, otherNames);
    setProblem(found);
    if (!found) onChange({ ...row, name: name.text });
  };
  return (
    <li className="grid grid-cols-2 items-start gap-2 rounded-lg border border-border p-2.5 sm:grid-cols-[minmax(0,1fr)_8rem_auto_minmax(0,1.5fr)_auto]">
      <div className="space-y-1">
        <label htmlFor={`${id}-name`} className={labelClass}>
          Name
        </label>
        <input
          id={`${id}-name`}
          value={name.text}
          onChange={(event) => name.setText(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              commit();
            }
          }}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          spellCheck={false}
          className={`${inputClass} font-mono`}
        />
        {problem ? (
          <p id={`${id}-problem`} className="text-xs text-destructive">
            {problem}
          </p>
        ) : null}
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-type`} className={labelClass}>
          Type
        </label>
        <select
          id={`${id}-type`}
          value={row.type}
          onChange={(event) => onChange({ ...row, type: event.target.value as InputType })}
          className={selectClass}
        >
          {INPUT_TYPES.map((type) => (
            <option key={type}>{type}</option>
          ))}
        </select>
      </div>
      <label className="flex h-9 items-center gap-2 self-end text-sm">
        <input
          type="checkbox"
          checked={row.required}
          onChange={(event) => onChange({ ...row, required: event.target.checked })}
          className="size-4 accent-primary"
        />
        Required
      </label>
      <div className="col-span-2 space-y-1 sm:col-span-1">
        <label htmlFor={`${id}-description`} className={labelClass}>
          Description
        </label>
        <input
          id={`${id}-description`}
          value={row.description}
          onChange={(event) => onChange({ ...row, description: event.target.value })}
          className={inputClass}
        />
      </div>
      <IconButton
        label={`Remove input ${row.name}`}
        danger
        onClick={onRemove}
        className="col-span-2 self-end justify-self-end sm:col-span-1"
      >
        <TrashIcon width={16} height={16} />
      </IconButton>
    </li>
  );
}
