"use client";

import type { ReferenceOption } from "@/lib/shared/workflow-reference-options";
import type { WorkflowStep } from "@/lib/shared/workflow-types";
import { ChoiceStepFields } from "./choice-step-fields";
import { HttpStepFields } from "./http-step-fields";
import { ModelStepFields } from "./model-step-fields";
import { ParallelStepFields } from "./parallel-step-fields";
import { PassStepFields } from "./pass-step-fields";
import { PythonStepFields } from "./python-step-fields";
import type { ListPath } from "./step-path";

/** The fields of a step's own type. */
export function StepBody({
  step,
  path,
  index,
  change,
  options,
}: {
  step: WorkflowStep;
  path: ListPath;
  index: number;
  change: (fn: (step: WorkflowStep) => WorkflowStep) => void;
  options: readonly ReferenceOption[];
}) {
  switch (step.type) {
    case "model":
      return <ModelStepFields step={step} change={change} options={options} />;
    case "http":
      return <HttpStepFields step={step} change={change} options={options} />;
    case "python":
      return <PythonStepFields step={step} change={change} options={options} />;
    case "pass":
      return <PassStepFields step={step} change={change} options={options} />;
    case "parallel":
      return <ParallelStepFields step={step} path={path} index={index} />;
    case "choice":
      return <ChoiceStepFields step={step} path={path} index={index} change={change} />;
    default:
      return (
        <p className="text-sm text-muted-foreground">
          each::workflows has no step type “{String(step.type)}”. Change it in the JSON view.
        </p>
      );
  }
}
