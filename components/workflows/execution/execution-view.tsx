"use client";

import Link from "next/link";
import { outputUrls } from "@/lib/shared/run-output";
import type { WorkflowExecutionView } from "@/lib/shared/workflow-api";
import { isTerminalExecution } from "@/lib/shared/workflow-types";
import { stepTimeline } from "@/lib/shared/workflow-timeline";
import { Elapsed } from "../../runs/elapsed";
import { Alert } from "../../ui/alert";
import { Card } from "../../ui/card";
import { Spinner } from "../../ui/spinner";
import { WorkflowGraph } from "../editor/workflow-graph";
import { ExecutionStatusBadge } from "../execution-status-badge";
import { workflowHref } from "../workflow-cache";
import { assetForUrl, mediaSlots } from "./execution-media";
import { ExecutionFacts } from "./execution-facts";
import { ExecutionInputs } from "./execution-inputs";
import { OutputView } from "./output-view";
import { StepTimeline } from "./step-timeline";
import { useExecution } from "./use-execution";

/** One execution, live: status, every step as it runs, the final output, inputs and cost. */
export function ExecutionView({ initial }: { initial: WorkflowExecutionView }) {
  const query = useExecution(initial);
  const execution = query.data;
  const finished = isTerminalExecution(execution.status);
  const slots = mediaSlots(execution);
  const finalFiles = outputUrls(execution.output).map((url, index) => ({
    key: `final-${index}`,
    asset: assetForUrl(execution, slots, url),
  }));
  const timeline = stepTimeline(execution.definition, execution.stepOutputs, execution.status);
  const statuses = Object.fromEntries(timeline.map((entry) => [entry.stepId, entry.status]));
  const costs = timeline.flatMap((entry) =>
    typeof entry.metadata.cost === "number" ? [entry.metadata.cost] : [],
  );
  const stepCost = costs.length > 0 ? costs.reduce((sum, cost) => sum + cost, 0) : null;
  const name = execution.workflowName ?? "Workflow";

  return (
    <div className="space-y-6" data-testid="execution" data-status={execution.status}>
      <header className="space-y-2">
        <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
          <Link href="/workflows" className="hover:text-foreground hover:underline">
            Workflows
          </Link>{" "}
          /{" "}
          {execution.workflowId ? (
            <Link
              href={workflowHref(execution.workflowId, execution.versionId)}
              className="hover:text-foreground hover:underline"
            >
              {name}
            </Link>
          ) : (
            name
          )}{" "}
          / Execution
        </nav>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">Run of {name}</h1>
          <div aria-live="polite" className="flex items-center gap-2 text-sm text-muted-foreground">
            <ExecutionStatusBadge status={execution.status} />
            {!finished ? (
              <span>
                <Elapsed since={execution.startedAt ?? execution.createdAt} /> elapsed
              </span>
            ) : !execution.outputsSaved ? (
              <span className="flex items-center gap-1.5">
                <Spinner label="Saving outputs" /> Saving outputs to your gallery…
              </span>
            ) : null}
          </div>
        </div>
        {query.isError ? (
          <p className="text-sm text-muted-foreground">
            Lost touch with the server ({query.error.message}); retrying.
          </p>
        ) : null}
      </header>

      {execution.status === "failed" && execution.error ? (
        <Alert tone="error" title={execution.error.message}>
          {execution.error.cause ??
            "A step failed and the workflow stopped. Its steps below say which."}
        </Alert>
      ) : null}
      {execution.status === "cancelled" ? (
        <Alert tone="warning">
          This execution was cancelled; the steps below show how far it got.
        </Alert>
      ) : null}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:items-start">
        <section aria-labelledby="timeline-heading" className="min-w-0 space-y-3">
          <h2 id="timeline-heading" className="text-lg font-semibold">
            Steps
          </h2>
          <StepTimeline execution={execution} />
        </section>
        <div className="min-w-0 space-y-6">
          <Card className="space-y-3 p-4 sm:p-5">
            <h2 className="text-lg font-semibold">Output</h2>
            {execution.status === "completed" ? (
              <OutputView
                output={execution.output}
                files={finalFiles}
                saving={!execution.outputsSaved}
                label={`Output of ${name}`}
              />
            ) : (
              <p className="text-sm text-muted-foreground">
                {finished
                  ? "No final output: the run did not complete."
                  : "Appears when the last step is done."}
              </p>
            )}
          </Card>
          <Card className="space-y-3 p-4 sm:p-5">
            <h2 className="text-lg font-semibold">Details</h2>
            <ExecutionFacts execution={execution} stepCost={stepCost} />
          </Card>
          <Card className="space-y-3 p-4 sm:p-5">
            <h2 className="text-lg font-semibold">Inputs</h2>
            <ExecutionInputs inputs={execution.inputs} />
          </Card>
          {execution.definition ? (
            <details className="rounded-xl border border-border bg-card p-4 shadow-sm">
              <summary className="cursor-pointer font-semibold">Graph</summary>
              <div className="mt-3">
                <WorkflowGraph definition={execution.definition} statuses={statuses} />
              </div>
            </details>
          ) : null}
        </div>
      </div>
    </div>
  );
}
