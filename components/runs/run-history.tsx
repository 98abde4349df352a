"use client";

import type { RunView } from "@/lib/shared/run-types";
import { cn } from "@/lib/shared/cn";
import { RunStatusBadge } from "./run-status-badge";

function summary(run: RunView): string {
  const text = ["prompt", "text"]
    .map((key) => run.input[key])
    .find((value) => typeof value === "string" && value.trim());
  return typeof text === "string"
    ? text
    : Object.entries(run.input)
        .map(([key, value]) => `${key}: ${String(value)}`)
        .join(", ") || "No input";
}

function when(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
}

/** This person's earlier runs of the model: open one to see it and get its inputs back. */
export function RunHistory({
  runs,
  currentId,
  onOpen,
  onRunAgain,
}: {
  runs: RunView[];
  currentId: string | null;
  onOpen: (run: RunView) => void;
  onRunAgain: (run: RunView) => void;
}) {
  if (runs.length === 0)
    return (
      <p className="text-sm text-muted-foreground">Your runs of this model will be listed here.</p>
    );
  return (
    <ul className="divide-y divide-border" aria-label="Your earlier runs">
      {runs.map((run) => {
        const thumbnail = run.assets.find((asset) => asset.kind === "image");
        return (
          <li
            key={run.id}
            className={cn(
              "flex items-center gap-3 py-2.5",
              run.id === currentId && "rounded-md bg-accent/50 px-2",
            )}
          >
            <div className="size-12 shrink-0 overflow-hidden rounded-md border border-border bg-muted">
              {thumbnail ? (
                <img src={thumbnail.url} alt="" loading="lazy" className="size-full object-cover" />
              ) : null}
            </div>
            <div className="min-w-0 flex-1">
              <p className="truncate text-sm">{summary(run)}</p>
              <p className="mt-0.5 flex items-center gap-2 text-xs text-muted-foreground">
                <RunStatusBadge status={run.status} /> {when(run.createdAt)}
              </p>
            </div>
            <div className="flex shrink-0 gap-1">
              <button
                type="button"
                onClick={() => onOpen(run)}
                className="rounded px-2 py-1 text-sm text-primary hover:bg-muted"
                aria-label={`Open run from ${when(run.createdAt)}`}
              >
                Open
              </button>
              <button
                type="button"
                onClick={() => onRunAgain(run)}
                className="rounded px-2 py-1 text-sm text-primary hover:bg-muted"
                aria-label={`Run again with the inputs from ${when(run.createdAt)}`}
              >
                Run again
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
