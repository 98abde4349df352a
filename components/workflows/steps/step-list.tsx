"use client";

import { useId, useState } from "react";
import { cn } from "@/lib/shared/cn";
import { STEP_TYPES, type StepType } from "@/lib/shared/workflow-types";
import { Button } from "../../ui/button";
import { useEditor } from "./editor-context";
import { smallSelectClass } from "./field-classes";
import { StepCard } from "./step-card";
import { addStep, moveStep } from "./step-list-ops";
import { stepsAt, type ListPath } from "./step-path";
import { STEP_TYPE_LABELS } from "./step-types";
import { useStepDrag } from "./use-step-drag";
import { PlusIcon } from "../../ui/icons";

/** Shows the card of a new step and puts the caret in its id. */
function revealStep(id: string) {
  requestAnimationFrame(() => {
    const card = document.querySelector<HTMLElement>(`[data-step-card="${CSS.escape(id)}"]`);
    card?.scrollIntoView({ block: "nearest", behavior: "smooth" });
    card?.querySelector<HTMLInputElement>("header input")?.focus();
  });
}

/** A list of steps (the workflow's, or a branch's) with "Add step" of any type at its end. */
export function StepList({ path, label }: { path: ListPath; label?: string }) {
  const { definition, update } = useEditor();
  const [type, setType] = useState<StepType>("model");
  const typeId = useId();
  const steps = stepsAt(definition, path);
  const nested = path.length > 0;
  const drag = useStepDrag((from, to) => update((d) => moveStep(d, path, from, to - from)));

  const add = () => {
    const result = addStep(definition, path, type);
    update(() => result.definition);
    revealStep(result.id);
  };

  return (
    <div className="space-y-3">
      {steps.length > 0 ? (
        <ol aria-label={label} className="space-y-3">
          {steps.map((step, index) => (
            // By position: ids change while they are typed.
            <li
              key={index}
              {...drag.itemProps(index)}
              className={cn(
                "rounded-xl transition",
                drag.dragging === index && "opacity-50",
                drag.target === index &&
                  drag.dragging !== index &&
                  "outline-2 outline-offset-4 outline-primary outline-dashed",
              )}
            >
              <StepCard path={path} index={index} step={step} count={steps.length} />
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-muted-foreground">
          {nested ? "No steps in this branch: it passes straight through." : "No steps yet."}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={typeId} className="sr-only">
          {nested && label ? `New step type in ${label}` : "New step type"}
        </label>
        <select
          id={typeId}
          value={type}
          onChange={(event) => setType(event.target.value as StepType)}
          className={smallSelectClass}
        >
          {STEP_TYPES.map((value) => (
            <option key={value} value={value}>
              {STEP_TYPE_LABELS[value]}
            </option>
          ))}
        </select>
        <Button
          variant="secondary"
          size="sm"
          onClick={add}
          aria-label={nested && label ? `Add step to ${label}` : undefined}
        >
          <PlusIcon width={16} height={16} />
          Add step
        </Button>
      </div>
    </div>
  );
}
