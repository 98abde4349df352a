"use client";

import { useId, useState } from "react";
import { referenceOptions } from "@/lib/shared/workflow-reference-options";
import { cn } from "@/lib/shared/cn";
import { stepIdOf, type WorkflowStep } from "@/lib/shared/workflow-types";
import {
  ArrowDownIcon,
  ArrowUpIcon,
  ChevronDownIcon,
  GripIcon,
  TrashIcon,
} from "../../model-form/form-icons";
import { IconButton } from "../icon-button";
import { useEditor } from "./editor-context";
import { StepBody } from "./step-body";
import { moveStep, removeStep, renameStepEverywhere, updateStep } from "./step-list-ops";
import { StepIdInput } from "./step-id-input";
import { STEP_DRAG_TYPE } from "./use-step-drag";
import { StepOptions } from "./step-options";
import { pathKey, type ListPath } from "./step-path";
import { STEP_TYPE_TONES, stepTypeLabel } from "./step-types";

/** Where a card sits, for putting focus back on it after a move. */
export function cardPosition(path: ListPath, index: number): string {
  return `${pathKey(path)}:${index}`;
}

function focusCardButton(position: string, action: "up" | "down") {
  requestAnimationFrame(() => {
    const card = document.querySelector(`[data-card-position="${position}"]`);
    const wanted = card?.querySelector<HTMLButtonElement>(`[data-action="${action}"]`);
    const other = card?.querySelector<HTMLButtonElement>(
      `[data-action="${action === "up" ? "down" : "up"}"]`,
    );
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  });
}

/** One step: its type and id, move/remove buttons, its problems, its fields and options. */
export function StepCard({
  path,
  index,
  step,
  count,
}: {
  path: ListPath;
  index: number;
  step: WorkflowStep;
  count: number;
}) {
  const { definition, update, problems } = useEditor();
  const [open, setOpen] = useState(true);
  const idField = useId();
  const id = stepIdOf(step);
  const mine = id ? (problems.get(id) ?? []) : [];
  const change = (fn: (step: WorkflowStep) => WorkflowStep) =>
    update((d) => updateStep(d, path, index, fn));
  const move = (delta: number) => {
    update((d) => moveStep(d, path, index, delta));
    focusCardButton(cardPosition(path, index + delta), delta < 0 ? "up" : "down");
  };
  const name = id || "(no id)";
  const detail = step.type === "model" && typeof step.model === "string" ? step.model : null;

  return (
    <article
      data-step-card={id}
      data-card-position={cardPosition(path, index)}
      aria-label={`Step ${name}`}
      aria-invalid={mine.length > 0 || undefined}
      className={cn(
        "min-w-0 scroll-mt-24 rounded-xl border bg-card shadow-sm",
        mine.length > 0 ? "border-destructive ring-1 ring-destructive/40" : "border-border",
      )}
    >
      <header className="flex flex-wrap items-center gap-2 border-b border-border p-2">
        <span
          draggable
          title="Drag to reorder"
          aria-hidden="true"
          data-drag-handle={id}
          onDragStart={(event) => {
            event.dataTransfer.effectAllowed = "move";
            event.dataTransfer.setData(STEP_DRAG_TYPE, String(index));
            const card = event.currentTarget.closest("article");
            if (card) event.dataTransfer.setDragImage(card, 24, 24);
          }}
          className="hidden h-8 w-5 cursor-grab place-items-center text-muted-foreground active:cursor-grabbing sm:grid"
        >
          <GripIcon width={16} height={16} />
        </span>
        <button
          type="button"
          aria-expanded={open}
          aria-label={open ? `Collapse step ${name}` : `Expand step ${name}`}
          onClick={() => setOpen((was) => !was)}
          className="grid size-8 place-items-center rounded-md text-muted-foreground hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring"
        >
          <ChevronDownIcon
            width={16}
            height={16}
            className={cn("transition", !open && "-rotate-90")}
          />
        </button>
        <span
          className={cn(
            "rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap",
            STEP_TYPE_TONES[step.type] ?? "bg-muted text-muted-foreground",
          )}
        >
          {stepTypeLabel(step.type)}
        </span>
        <label htmlFor={idField} className="sr-only">
          Step id
        </label>
        <StepIdInput
          id={id}
          inputId={idField}
          onRename={(next) => update((d) => renameStepEverywhere(d, path, index, next))}
        />
        {!open && detail ? (
          <span className="truncate font-mono text-xs text-muted-foreground">{detail}</span>
        ) : null}
        <div className="ml-auto flex items-center">
          <IconButton
            label="Move up"
            data-action="up"
            disabled={index === 0}
            onClick={() => move(-1)}
          >
            <ArrowUpIcon width={16} height={16} />
          </IconButton>
          <IconButton
            label="Move down"
            data-action="down"
            disabled={index === count - 1}
            onClick={() => move(1)}
          >
            <ArrowDownIcon width={16} height={16} />
          </IconButton>
          <IconButton
            label="Remove step"
            danger
            onClick={() => update((d) => removeStep(d, path, index))}
          >
            <TrashIcon width={16} height={16} />
          </IconButton>
        </div>
      </header>
      {mine.length > 0 ? (
        <ul
          className="space-y-0.5 px-3 pt-2 text-sm text-destructive"
          aria-label={`What is wrong with step ${name}`}
        >
          {mine.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
      {open ? (
        <div className="space-y-4 p-3">
          <StepBody
            step={step}
            path={path}
            index={index}
            change={change}
            options={referenceOptions(definition, id)}
          />
          <StepOptions step={step} change={change} options={referenceOptions(definition, id)} />
        </div>
      ) : null}
    </article>
  );
}
