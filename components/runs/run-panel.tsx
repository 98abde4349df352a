"use client";

import { isTerminal } from "@/lib/shared/run-status";
import type { RunView } from "@/lib/shared/run-types";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { SparkIcon } from "../ui/icons";
import { Spinner } from "../ui/spinner";
import { Elapsed } from "./elapsed";
import { RunOutputView } from "./run-output-view";
import { RunStatusBadge } from "./run-status-badge";

function formatCost(cost: number | null): string | null {
  return cost === null ? null : `$${cost < 0.01 ? cost.toFixed(4) : cost.toFixed(3)}`;
}

/** The current run: live status while it runs, then its output, figures and any failure. */
export function RunPanel({
  run,
  onCancel,
  cancelling,
  onRunAgain,
}: {
  run: RunView | null;
  onCancel: () => void;
  cancelling: boolean;
  onRunAgain: () => void;
}) {
  if (!run) {
    return (
      <Card className="grid min-h-72 place-items-center p-8 text-center">
        <div>
          <span className="brand-gradient mx-auto grid size-12 place-items-center rounded-xl text-white">
            <SparkIcon />
          </span>
          <p className="mt-4 font-medium">Your result appears here</p>
          <p className="mt-1 text-sm text-muted-foreground">
            Fill in the form and press Run (or Ctrl+Enter).
          </p>
        </div>
      </Card>
    );
  }
  const running = !isTerminal(run.status);
  return (
    <Card className="space-y-4 p-4 sm:p-5" data-testid="run-panel" data-status={run.status}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex items-center gap-3" aria-live="polite">
          <RunStatusBadge status={run.status} />
          {running ? (
            <span className="text-sm text-muted-foreground">
              <Elapsed since={run.createdAt} /> elapsed
            </span>
          ) : null}
        </div>
        {running ? (
          <Button variant="secondary" size="sm" onClick={onCancel} disabled={cancelling}>
            {cancelling ? "Cancelling…" : "Cancel"}
          </Button>
        ) : (
          <Button variant="ghost" size="sm" onClick={onRunAgain}>
            Run again
          </Button>
        )}
      </div>

      {running ? (
        <div className="grid min-h-56 place-items-center rounded-lg border border-dashed border-border bg-muted/50">
          <div className="flex items-center gap-3 text-sm text-muted-foreground">
            <Spinner />{" "}
            {run.status === "processing"
              ? "The model is working…"
              : "Waiting for the model to start…"}
          </div>
        </div>
      ) : null}

      {run.status === "succeeded" ? (
        <>
          <RunOutputView run={run} />
          {!run.outputsSaved ? (
            <p className="flex items-center gap-2 text-sm text-muted-foreground">
              <Spinner /> Saving your output to your gallery…
            </p>
          ) : null}
          <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-muted-foreground">
            {run.predictTime !== null ? (
              <div className="flex gap-1.5">
                <dt>Predict time</dt>
                <dd className="font-medium text-foreground tabular-nums" data-testid="predict-time">
                  {run.predictTime.toFixed(1)} s
                </dd>
              </div>
            ) : null}
            {run.cost !== null ? (
              <div className="flex gap-1.5">
                <dt>Cost</dt>
                <dd className="font-medium text-foreground tabular-nums" data-testid="run-cost">
                  {formatCost(run.cost)}
                </dd>
              </div>
            ) : null}
            <div className="flex gap-1.5">
              <dt>Key</dt>
              <dd className="text-foreground">
                {run.keySource === "user" ? "yours" : "the playground's"}
              </dd>
            </div>
          </dl>
        </>
      ) : null}

      {run.status === "failed" ? (
        <div
          role="alert"
          className="space-y-2 rounded-lg border border-destructive/40 bg-destructive/10 p-3 text-sm"
        >
          <p className="font-medium text-destructive">{run.error?.message ?? "The run failed."}</p>
          {run.logs ? (
            <pre
              className="max-h-60 overflow-auto font-mono text-xs whitespace-pre-wrap text-foreground"
              data-testid="run-logs"
            >
              {run.logs}
            </pre>
          ) : null}
        </div>
      ) : null}

      {run.status === "cancelled" ? (
        <p className="text-sm text-muted-foreground">
          This run was cancelled. Its input is kept: run it again any time.
        </p>
      ) : null}
    </Card>
  );
}
