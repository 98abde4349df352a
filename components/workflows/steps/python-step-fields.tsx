"use client";

import { useId } from "react";
import type { ReferenceOption } from "@/lib/shared/workflow-reference-options";
import type { WorkflowStep } from "@/lib/shared/workflow-types";
import { labelClass, textareaClass } from "./field-classes";
import { JsonField } from "./json-field";

type Change = (fn: (step: WorkflowStep) => WorkflowStep) => void;

/** A python step: its code (never templated) and the inputs it reads, which may be. */
export function PythonStepFields({
  step,
  change,
  options,
}: {
  step: WorkflowStep;
  change: Change;
  options: readonly ReferenceOption[];
}) {
  const id = useId();
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="space-y-1">
        <label htmlFor={id} className={labelClass}>
          Code (Python)
        </label>
        <textarea
          id={id}
          value={typeof step.code === "string" ? step.code : ""}
          onChange={(event) => change((s) => ({ ...s, code: event.target.value }))}
          rows={6}
          spellCheck={false}
          aria-describedby={`${id}-hint`}
          className={textareaClass}
        />
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          Read <code className="font-mono">inputs[&quot;name&quot;]</code>, set{" "}
          <code className="font-mono">result</code>. References do not work in code: pass them as
          inputs.
        </p>
      </div>
      <JsonField
        label="Inputs (JSON object)"
        value={step.inputs ?? {}}
        objectOnly
        rows={6}
        options={options}
        onChange={(inputs) => change((s) => ({ ...s, inputs: inputs as Record<string, unknown> }))}
      />
    </div>
  );
}
