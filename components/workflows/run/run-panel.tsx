import type { WorkflowVersionView } from "@/lib/shared/workflow-api";
import { Card } from "../../ui/card";
import { BulkRun } from "./bulk-run";
import { RunForm } from "./run-form";

/** Runs the saved version: one from a form generated from its inputs, or up to ten from rows. */
export function RunPanel({
  workflowId,
  version,
  dirty,
}: {
  workflowId: string;
  version: WorkflowVersionView | null;
  dirty: boolean;
}) {
  const definition = version?.definition;
  return (
    <>
      <Card role="region" aria-labelledby="run-heading" className="space-y-4 p-4 sm:p-5">
        <div>
          <h2 id="run-heading" className="text-lg font-semibold">
            Run {version?.versionId ?? ""}
          </h2>
          <p className="text-sm text-muted-foreground">
            {dirty
              ? `Runs use the saved ${version?.versionId ?? "version"}; save to run your changes.`
              : "Fill in the inputs and run; each run gets its own live page."}
          </p>
        </div>
        {version && definition ? (
          <RunForm
            key={version.versionId}
            workflowId={workflowId}
            versionId={version.versionId}
            inputSchema={definition.input_schema}
          />
        ) : (
          <p className="text-sm text-muted-foreground">Save a version first.</p>
        )}
      </Card>
      {version && definition ? (
        <Card role="region" aria-labelledby="bulk-heading" className="space-y-4 p-4 sm:p-5">
          <div>
            <h2 id="bulk-heading" className="text-lg font-semibold">
              Bulk run
            </h2>
            <p className="text-sm text-muted-foreground">
              Up to ten runs of {version.versionId} at once, one per row.
            </p>
          </div>
          <BulkRun
            key={version.versionId}
            workflowId={workflowId}
            versionId={version.versionId}
            inputSchema={definition.input_schema}
          />
        </Card>
      ) : null}
    </>
  );
}
