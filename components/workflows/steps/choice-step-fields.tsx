"use client";

import { referenceOptions } from "@/lib/shared/workflow-reference-options";
import { stepIdOf, type Condition, type WorkflowStep } from "@/lib/shared/workflow-types";
import { BranchColumn } from "./branch-column";
import { ConditionBuilder } from "./condition-builder";
import { useEditor } from "./editor-context";
import type { ListPath } from "./step-path";

/** A choice step: the condition, then what runs when it holds and what runs otherwise. */
export function ChoiceStepFields({
  step,
  path,
  index,
  change,
}: {
  step: WorkflowStep;
  path: ListPath;
  index: number;
  change: (fn: (step: WorkflowStep) => WorkflowStep) => void;
}) {
  const { definition } = useEditor();
  const expressions = referenceOptions(definition, stepIdOf(step));
  const condition: Condition = step.condition ?? { expression: "", operator: "exists" };
  return (
    <div className="space-y-4">
      <div className="space-y-2">
        <h4 className="text-sm font-medium">Condition</h4>
        <ConditionBuilder
          condition={condition}
          expressions={expressions}
          onChange={(next) => change((s) => ({ ...s, condition: next }))}
        />
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        <BranchColumn
          label="Condition met"
          title={<h4 className="text-sm font-semibold text-success">Condition met</h4>}
          subtitle="Runs when the condition holds."
          path={[...path, { step: index, branch: { kind: "condition_met" } }]}
        />
        <BranchColumn
          label="Default"
          title={<h4 className="text-sm font-semibold">Default</h4>}
          subtitle="Runs otherwise."
          path={[...path, { step: index, branch: { kind: "default" } }]}
        />
      </div>
    </div>
  );
}
