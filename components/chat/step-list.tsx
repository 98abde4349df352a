"use client";
import { BusySpinner } from "../gallery/busy-spinner";
import { CheckIcon, ChevronIcon } from "./chat-icons";
import type { AssistantView, StepView } from "./message-view-model";
import { ProgressBar } from "./progress-bar";

function Steps({ steps, streaming }: { steps: StepView[]; streaming: boolean }) {
  return (
    <ol className="space-y-1">
      {steps.map((step, index) => {
        const current = streaming && index === steps.length - 1;
        return (
          <li key={step.key} className="flex min-w-0 items-start gap-2">
            <span className="mt-0.5 grid size-4 shrink-0 place-items-center text-muted-foreground">
              {current ? <BusySpinner className="size-3" /> : <CheckIcon width={14} height={14} />}
            </span>
            <span className={current ? "text-foreground" : "text-muted-foreground"}>
              {step.text}
              {step.tool ? (
                <code className="ml-1.5 rounded bg-muted px-1 py-0.5 font-mono text-[11px] text-muted-foreground">
                  {step.tool}
                </code>
              ) : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/**
 * What the agent is doing: a live list of its steps and the run's progress while it works,
 * folded into one line once the reply is over.
 */
export function StepList({
  steps,
  progress,
  streaming,
}: Pick<AssistantView, "steps" | "progress" | "streaming">) {
  if (steps.length === 0 && !progress) return null;
  if (!streaming) {
    return (
      <details className="group text-sm">
        <summary className="flex cursor-pointer list-none items-center gap-1.5 text-muted-foreground select-none hover:text-foreground [&::-webkit-details-marker]:hidden">
          <ChevronIcon
            width={14}
            height={14}
            className="transition-transform group-open:rotate-90"
          />
          {steps.length === 1 ? "1 step" : `${steps.length} steps`}
        </summary>
        <div className="mt-2 pl-1">
          <Steps steps={steps} streaming={false} />
        </div>
      </details>
    );
  }
  return (
    <div className="space-y-2 rounded-lg border border-border px-3 py-2 text-sm">
      <Steps steps={steps} streaming />
      {progress ? (
        <div className="space-y-1">
          <div className="flex justify-between text-xs text-muted-foreground">
            <span>{progress.message ?? "Working"}</span>
            <span className="tabular-nums">{Math.round(progress.percent)}%</span>
          </div>
          <ProgressBar percent={progress.percent} label={progress.message ?? "Progress"} />
        </div>
      ) : null}
    </div>
  );
}
