"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { apiFetch } from "@/lib/client/api";
import type { WorkflowDetailView } from "@/lib/shared/workflow-api";
import { WORKFLOW_NAME_MAX } from "@/lib/shared/workflow-schemas";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Input } from "../ui/input";
import { BusySpinner } from "../gallery/busy-spinner";
import { blankDefinition } from "./blank-definition";
import { errorText, workflowHref, workflowKeys } from "./workflow-cache";

export type ExampleCard = {
  id: string;
  name: string;
  description: string;
  stepCount: number;
};

type Create = { kind: "blank"; name: string } | { kind: "example"; id: string };

/** "New workflow": a blank one with a name, or a copy of one of the examples. */
export function NewWorkflowPanel({
  id,
  examples,
  onClose,
}: {
  id: string;
  examples: ExampleCard[];
  onClose: () => void;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const nameId = useId();
  const [name, setName] = useState("");
  const create = useMutation({
    mutationFn: (what: Create) =>
      what.kind === "blank"
        ? apiFetch<{ workflow: WorkflowDetailView }>("/api/workflows", {
            method: "POST",
            json: { name: what.name, definition: blankDefinition() },
          })
        : apiFetch<{ workflow: WorkflowDetailView }>("/api/workflows/examples", {
            method: "POST",
            json: { example: what.id },
          }),
    onSuccess: ({ workflow }) => {
      void queryClient.invalidateQueries({ queryKey: workflowKeys.list });
      queryClient.setQueryData(workflowKeys.detail(workflow.id), workflow);
      router.push(workflowHref(workflow.id));
    },
  });
  const pending = create.isPending ? create.variables : null;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) create.mutate({ kind: "blank", name: name.trim() });
  };

  return (
    <Card id={id} className="space-y-5 p-4 sm:p-5">
      <div className="flex items-start justify-between gap-3">
        <div>
          <h2 className="font-semibold">New workflow</h2>
          <p className="text-sm text-muted-foreground">
            Start blank, or from one of the examples the platform documents.
          </p>
        </div>
        <Button variant="ghost" size="sm" onClick={onClose}>
          Close
        </Button>
      </div>
      <form onSubmit={onSubmit} className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex-1 space-y-1.5">
          <label htmlFor={nameId} className="block text-sm font-medium">
            Name
          </label>
          <Input
            id={nameId}
            value={name}
            maxLength={WORKFLOW_NAME_MAX}
            onChange={(event) => setName(event.target.value)}
            placeholder="My pipeline"
          />
        </div>
        <Button type="submit" disabled={!name.trim() || create.isPending}>
          {pending?.kind === "blank" ? <BusySpinner /> : null}
          {pending?.kind === "blank" ? "Creating…" : "Create blank workflow"}
        </Button>
      </form>
      <div className="space-y-2">
        <h3 className="text-sm font-medium">Or start from an example</h3>
        <ul className="grid gap-2 sm:grid-cols-2">
          {examples.map((example) => {
            const busy = pending?.kind === "example" && pending.id === example.id;
            return (
              <li key={example.id}>
                <button
                  type="button"
                  disabled={create.isPending}
                  onClick={() => create.mutate({ kind: "example", id: example.id })}
                  className="flex h-full w-full flex-col items-start gap-1 rounded-lg border border-border bg-card p-3 text-left text-sm transition hover:border-primary/50 hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring disabled:opacity-60"
                >
                  <span className="flex items-center gap-2 font-medium">
                    {busy ? <BusySpinner /> : null}
                    {example.name}
                  </span>
                  <span className="text-muted-foreground">{example.description}</span>
                  <span className="text-xs text-muted-foreground">
                    {example.stepCount} {example.stepCount === 1 ? "step" : "steps"}
                    {busy ? " · creating…" : ""}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      {create.isError ? <Alert tone="error">{errorText(create.error)}</Alert> : null}
    </Card>
  );
}
