"use client";

import { useId } from "react";
import type { ReferenceOption } from "@/lib/shared/workflow-reference-options";
import {
  CONDITION_OPERATORS,
  VALUELESS_OPERATORS,
  type Condition,
  type ConditionLeaf,
} from "@/lib/shared/workflow-types";
import { SmallButton } from "../small-button";
import { useDraftText } from "../use-draft-text";
import {
  formatConditionValue,
  groupWith,
  OPERATOR_LABELS,
  toggleNot,
  withOperator,
  withValueText,
} from "./condition-values";
import { inputClass, labelClass, selectClass } from "./field-classes";
import { ReferenceMenu } from "./reference-menu";

function valueHint(operator: string): string {
  if (operator === "in" || operator === "not_in") return "Comma-separated, or a JSON list.";
  if (operator.startsWith("greater") || operator.startsWith("less")) return "A number.";
  if (operator.startsWith("string")) return "Text, compared as typed.";
  return "true, false, null and numbers are read as such; put text in quotes to keep it text.";
}

/** One test: `$.expression`, an operator, and (unless it tests existence) a value. */
export function ConditionLeafEditor({
  leaf,
  onChange,
  onRemove,
  expressions,
}: {
  leaf: ConditionLeaf;
  onChange: (condition: Condition) => void;
  onRemove?: () => void;
  expressions: readonly ReferenceOption[];
}) {
  const id = useId();
  const draft = useDraftText(formatConditionValue(leaf.value, leaf.operator));
  const valueless = VALUELESS_OPERATORS.has(leaf.operator);
  const defaultExpression = expressions.at(-1)?.expression ?? "$.inputs.";
  return (
    <div className="space-y-2 rounded-md border border-border bg-card p-2.5">
      <div className="grid gap-2 sm:grid-cols-[minmax(0,1.3fr)_minmax(0,1fr)_minmax(0,1fr)]">
        <div className="space-y-1">
          <div className="flex min-h-7 items-end justify-between gap-2">
            <label htmlFor={`${id}-expression`} className={labelClass}>
              Expression
            </label>
            <ReferenceMenu
              options={expressions}
              syntax="expression"
              onPick={(expression) => onChange({ ...leaf, expression })}
            />
          </div>
          <input
            id={`${id}-expression`}
            list={`${id}-expressions`}
            value={leaf.expression}
            onChange={(event) => onChange({ ...leaf, expression: event.target.value })}
            spellCheck={false}
            placeholder="$.step_id.primary"
            className={`${inputClass} font-mono`}
          />
          <datalist id={`${id}-expressions`}>
            {expressions.map((option) => (
              <option key={option.expression} value={option.expression}>
                {option.label}
              </option>
            ))}
          </datalist>
        </div>
        <div className="space-y-1">
          <div className="flex min-h-7 items-end">
            <label htmlFor={`${id}-operator`} className={labelClass}>
              Operator
            </label>
          </div>
          <select
            id={`${id}-operator`}
            value={leaf.operator}
            onChange={(event) => onChange(withOperator(leaf, event.target.value))}
            className={selectClass}
          >
            {CONDITION_OPERATORS.map((operator) => (
              <option key={operator} value={operator}>
                {OPERATOR_LABELS[operator]}
              </option>
            ))}
          </select>
        </div>
        {valueless ? (
          <p className="self-end pb-2 text-xs text-muted-foreground">No value needed.</p>
        ) : (
          <div className="space-y-1">
            <div className="flex min-h-7 items-end">
              <label htmlFor={`${id}-value`} className={labelClass}>
                Value
              </label>
            </div>
            <input
              id={`${id}-value`}
              value={draft.text}
              onChange={(event) => {
                const next = withValueText(leaf, event.target.value);
                draft.setText(event.target.value);
                draft.accept(formatConditionValue(next.value, next.operator));
                onChange(next);
              }}
              aria-describedby={`${id}-value-hint`}
              spellCheck={false}
              className={`${inputClass} font-mono`}
            />
            <p id={`${id}-value-hint`} className="text-xs text-muted-foreground">
              {valueHint(leaf.operator)}
            </p>
          </div>
        )}
      </div>
      <div className="flex flex-wrap gap-1.5">
        <SmallButton onClick={() => onChange(groupWith(leaf, "and", defaultExpression))}>
          + AND
        </SmallButton>
        <SmallButton onClick={() => onChange(groupWith(leaf, "or", defaultExpression))}>
          + OR
        </SmallButton>
        <SmallButton onClick={() => onChange(toggleNot(leaf))}>NOT</SmallButton>
        {onRemove ? (
          <SmallButton
            tone="danger"

            onClick={onRemove}
          >
            Remove condition
          </SmallButton>
        ) : null}
      </div>
    </div>
  );
}
