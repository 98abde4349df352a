"use client";

import type { ReferenceOption } from "@/lib/shared/workflow-reference-options";
import type { WorkflowStep } from "@/lib/shared/workflow-types";
import { JsonField } from "./json-field";

/** A pass step: the static value it hands on (its fields read as {{step.field}}). */
export function PassStepFields({
  step,
  change,
  options,
}: {
  step: WorkflowStep;
  change: (fn: (step: WorkflowStep) => WorkflowStep) => void;
  options: readonly ReferenceOption[];
}) {
  return (
    <JsonField
      label="Result (JSON)"
      value={step.result}
      optional
      rows={5}
      options={options}
      onChange={(result) =>
        change((s) => {
          const { result: _old, ...rest } = s;
          return result === undefined ? (rest as WorkflowStep) : { ...rest, result };
        })
      }
    />
  );
}
