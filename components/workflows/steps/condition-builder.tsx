"use client";

import { useId } from "react";
import type { ReferenceOption } from "@/lib/shared/workflow-reference-options";
import type { Condition } from "@/lib/shared/workflow-types";
import { SmallButton } from "../small-button";
import { emptyLeaf, shapeOf, toggleNot, withParts } from "./condition-values";
import { ConditionLeafEditor } from "./condition-leaf-editor";
import { tinySelectClass } from "./field-classes";

/**
 * A choice step's condition: a test, an all-of (and) or any-of (or) group of conditions, or
 * a negation (not), nested as deep as needed.
 */
export function ConditionBuilder({
  condition,
  onChange,
  onRemove,
  expressions,
}: {
  condition: Condition;
  onChange: (condition: Condition) => void;
  onRemove?: () => void;
  expressions: readonly ReferenceOption[];
}) {
  const id = useId();
  const shape = shapeOf(condition);
  if (shape.kind === "leaf")
    return (
      <ConditionLeafEditor
        leaf={shape.leaf}
        onChange={onChange}
        onRemove={onRemove}
        expressions={expressions}
      />
    );

  if (shape.kind === "not")
    return (
      <div className="space-y-2 rounded-md border-l-4 border-warning bg-warning/5 p-2">
        <div className="flex items-center justify-between gap-2">
          <span className="text-xs font-semibold tracking-wide">NOT (true when this is false)</span>
          <div className="flex gap-1">
            <SmallButton onClick={() => onChange(shape.part)}>Remove NOT</SmallButton>
            {onRemove ? <SmallButton onClick={onRemove}>Remove</SmallButton> : null}
          </div>
        </div>
        <ConditionBuilder
          condition={shape.part}
          onChange={(part) => onChange({ not: part })}
          expressions={expressions}
        />
      </div>
    );

  const { kind, parts } = shape;
  const fresh = () => emptyLeaf(expressions.at(-1)?.expression ?? "$.inputs.");
  return (
    <fieldset className="space-y-2 rounded-md border-l-4 border-primary/60 bg-primary/5 p-2">
      <legend className="sr-only">{kind === "and" ? "All of" : "Any of"}</legend>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-kind`} className="text-xs font-medium">
          True when
        </label>
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(event) => onChange(withParts(event.target.value as "and" | "or", parts))}
          className={tinySelectClass}
        >
          <option value="and">all of these hold (AND)</option>
          <option value="or">any of these holds (OR)</option>
        </select>
      </div>
      <ul className="space-y-2">
        {parts.map((part, index) => (
          <li key={index}>
            <ConditionBuilder
              condition={part}
              expressions={expressions}
              onChange={(next) =>
                onChange(
                  withParts(
                    kind,
                    parts.map((p, i) => (i === index ? next : p)),
                  ),
                )
              }
              onRemove={
                parts.length > 1
                  ? () =>
                      onChange(
                        withParts(
                          kind,
                          parts.filter((_, i) => i !== index),
                        ),
                      )
                  : undefined
              }
            />
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-1.5">
        <SmallButton
          tone="secondary"

          onClick={() => onChange(withParts(kind, [...parts, fresh()]))}
        >
          Add condition
        </SmallButton>
        <SmallButton
          tone="secondary"

          onClick={() =>
            onChange(
              withParts(kind, [...parts, withParts(kind === "and" ? "or" : "and", [fresh()])]),
            )
          }
        >
          Add {kind === "and" ? "OR" : "AND"} group
        </SmallButton>
        <SmallButton onClick={() => onChange(toggleNot(condition))}>NOT</SmallButton>
        {parts.length === 1 && parts[0] ? (
          <SmallButton onClick={() => onChange(parts[0]!)}>Ungroup</SmallButton>
        ) : null}
        {onRemove ? (
          <SmallButton
            tone="danger"

            onClick={onRemove}
          >
            Remove group
          </SmallButton>
        ) : null}
      </div>
    </fieldset>
  );
}
