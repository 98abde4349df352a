"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { WorkflowSummaryView } from "@/lib/shared/workflow-api";
import { Button } from "../ui/button";
import { EmptyState } from "../ui/empty-state";
import { PlusIcon, WorkflowIcon } from "../ui/icons";
import { PageHeader } from "../ui/page-header";
import { BuildWithSense } from "./build-with-sense";
import { NewWorkflowPanel, type ExampleCard } from "./new-workflow-panel";
import { WorkflowListItem } from "./workflow-list-item";
import { fetchWorkflows, workflowKeys } from "./workflow-cache";

const PANEL_ID = "new-workflow-panel";

/** /workflows: build one from a sentence, start one, or open one of yours. */
export function WorkflowsHome({
  initialWorkflows,
  examples,
}: {
  initialWorkflows: WorkflowSummaryView[];
  examples: ExampleCard[];
}) {
  const [creating, setCreating] = useState(false);
  const workflows = useQuery({
    queryKey: workflowKeys.list,
    queryFn: fetchWorkflows,
    initialData: initialWorkflows,
  });
  const list = workflows.data;

  return (
    <div className="space-y-8">
      <PageHeader
        title="Workflows"
        description="Multi-step pipelines: chain models, HTTP calls and Python; branch, run in parallel, fall back; then run them one at a time or ten at once."
        actions={
          <Button
            onClick={() => setCreating((open) => !open)}
            aria-expanded={creating}
            aria-controls={PANEL_ID}
          >
            <PlusIcon width={16} height={16} />
            New workflow
          </Button>
        }
      />
      {creating ? (
        <NewWorkflowPanel id={PANEL_ID} examples={examples} onClose={() => setCreating(false)} />
      ) : null}
      <BuildWithSense />
      <section aria-labelledby="your-workflows" className="space-y-3">
        <h2 id="your-workflows" className="text-lg font-semibold">
          Your workflows
        </h2>
        {list.length === 0 ? (
          <EmptyState
            icon={<WorkflowIcon width={40} height={40} />}
            title="No workflows yet"
            action={
              <Button variant="secondary" onClick={() => setCreating(true)}>
                Start from an example
              </Button>
            }
          >
            Describe one above and let each::sense build it, or start from an example.
          </EmptyState>
        ) : (
          <ul aria-label="Your workflows" className="space-y-3">
            {list.map((workflow) => (
              <WorkflowListItem key={workflow.id} workflow={workflow} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
