"use client";

import { useId } from "react";
import type { ReferenceOption } from "@/lib/shared/workflow-reference-options";
import { isRecord, type RetryConfig, type WorkflowStep } from "@/lib/shared/workflow-types";
import { ChevronDownIcon } from "../../model-form/form-icons";
import { ModelParams, paramsOf } from "./model-step-fields";
import { ModelPicker } from "./model-picker";
import { NumberField } from "./number-field";

type Change = (fn: (step: WorkflowStep) => WorkflowStep) => void;

function without<T extends Record<string, unknown>>(value: T, key: string): T {
  const { [key]: _old, ...rest } = value;
  return rest as T;
}

/** Sets a field, or removes it when `value` is undefined (so it is not sent at all). */
function withField<T extends Record<string, unknown>>(value: T, key: string, field: unknown): T {
  return field === undefined ? without(value, key) : ({ ...value, [key]: field } as T);
}

function summary(step: WorkflowStep): string {
  const parts: string[] = [];
  if (isRecord(step.retry) && typeof step.retry.max_attempts === "number")
    parts.push(`${step.retry.max_attempts} attempts`);
  if (typeof step.timeout_seconds === "number") parts.push(`timeout ${step.timeout_seconds} s`);
  if (step.continue_on_error === true) parts.push("continues on error");
  if (isRecord(step.fallback) && step.fallback.enabled !== false) parts.push("fallback");
  return parts.length > 0 ? parts.join(" · ") : "defaults";
}

/** Retry, timeout, continue-on-error, and (for model steps) a fallback model. */
export function StepOptions({
  step,
  change,
  options,
}: {
  step: WorkflowStep;
  change: Change;
  options: readonly ReferenceOption[];
}) {
  const id = useId();
  const retry: RetryConfig = isRecord(step.retry) ? step.retry : {};
  const delayKey =
    "delay_seconds" in retry && !("initial_delay_seconds" in retry)
      ? "delay_seconds"
      : "initial_delay_seconds";
  const setRetry = (key: string, value: number | undefined) =>
    change((s) => {
      const next = withField(isRecord(s.retry) ? s.retry : {}, key, value);
      return Object.keys(next).length === 0 ? without(s, "retry") : { ...s, retry: next };
    });
  const fallback = isRecord(step.fallback) ? step.fallback : null;
  const fallbackOn = fallback !== null && fallback.enabled !== false;

  return (
    <details className="group rounded-lg border border-border">
      <summary className="flex cursor-pointer list-none items-center gap-2 px-3 py-2 text-sm font-medium [&::-webkit-details-marker]:hidden">
        <ChevronDownIcon
          width={16}
          height={16}
          className="-rotate-90 transition group-open:rotate-0"
        />
        Options
        <span className="truncate text-xs font-normal text-muted-foreground">{summary(step)}</span>
      </summary>
      <div className="space-y-4 border-t border-border p-3">
        <div className="grid gap-3 sm:grid-cols-3">
          <NumberField
            label="Max attempts"
            value={typeof retry.max_attempts === "number" ? retry.max_attempts : undefined}
            hint="1–10, counting the first try."
            onChange={(value) => setRetry("max_attempts", value)}
          />
          <NumberField
            label="Retry delay (seconds)"
            value={typeof retry[delayKey] === "number" ? (retry[delayKey] as number) : undefined}
            hint="Before the first retry; later ones back off."
            onChange={(value) => setRetry(delayKey, value)}
          />
          <NumberField
            label="Timeout (seconds)"
            value={typeof step.timeout_seconds === "number" ? step.timeout_seconds : undefined}
            onChange={(value) => change((s) => withField(s, "timeout_seconds", value))}
          />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={step.continue_on_error === true}
            onChange={(event) =>
              change((s) => withField(s, "continue_on_error", event.target.checked || undefined))
            }
            className="size-4 accent-primary"
          />
          Continue on error
          <span className="text-xs text-muted-foreground">
            (the workflow goes on if this fails)
          </span>
        </label>
        {step.type === "model" ? (
          <fieldset className="space-y-3 rounded-md border border-dashed border-border p-3">
            <legend className="px-1 text-sm font-medium">Fallback</legend>
            <label className="flex items-center gap-2 text-sm" htmlFor={`${id}-fallback`}>
              <input
                id={`${id}-fallback`}
                type="checkbox"
                checked={fallbackOn}
                onChange={(event) =>
                  change((s) => {
                    if (!event.target.checked)
                      return isRecord(s.fallback)
                        ? { ...s, fallback: { ...s.fallback, enabled: false } }
                        : s;
                    const old = isRecord(s.fallback) ? s.fallback : {};
                    return {
                      ...s,
                      fallback: {
                        model: "",
                        params: paramsOf(s.params),
                        ...old,
                        enabled: true,
                      },
                    };
                  })
                }
                className="size-4 accent-primary"
              />
              Use a fallback model when this one fails
            </label>
            {fallbackOn && fallback ? (
              <div className="space-y-3">
                <ModelPicker
                  label="Fallback model"
                  value={typeof fallback.model === "string" ? fallback.model : ""}
                  onChange={(model) =>
                    change((s) => ({ ...s, fallback: { ...(s.fallback ?? {}), model } }))
                  }
                />
                <ModelParams
                  slug={typeof fallback.model === "string" ? fallback.model : ""}
                  params={paramsOf(fallback.params)}
                  options={options}
                  onChange={(params) =>
                    change((s) => ({ ...s, fallback: { ...(s.fallback ?? {}), params } }))
                  }
                />
              </div>
            ) : null}
          </fieldset>
        ) : null}
      </div>
    </details>
  );
}
