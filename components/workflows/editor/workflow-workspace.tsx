"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { CatalogModel, JsonSchema } from "@/lib/shared/catalog-types";
import type {
  WorkflowDetailView,
  WorkflowExecutionSummaryView,
  WorkflowVersionView,
} from "@/lib/shared/workflow-api";
import type { WorkflowDefinition } from "@/lib/shared/workflow-types";
import { validateDefinition } from "@/lib/shared/workflow-validate";
import { useToast } from "../../gallery/toast-context";
import { Card } from "../../ui/card";
import { blankDefinition } from "../blank-definition";
import { ExecutionHistory } from "../execution/execution-history";
import { RunPanel } from "../run/run-panel";
import type { SchemaLoader } from "../steps/editor-context";
import { fetchWorkflow, workflowHref, workflowKeys } from "../workflow-cache";
import { DefinitionEditor } from "./definition-editor";
import { canonicalJson, orderDefinition } from "./definition-order";
import { doneMessage, useVersionActions } from "./use-version-actions";
import { VersionToolbar } from "./version-toolbar";
import { WorkflowHeader } from "./workflow-header";

function pickVersion(
  workflow: WorkflowDetailView,
  wanted: string | null,
): WorkflowVersionView | null {
  return (
    workflow.versions.find((v) => v.versionId === wanted) ??
    workflow.versions.find((v) => v.versionId === workflow.latestVersionId) ??
    workflow.versions.at(-1) ??
    null
  );
}

const copyOf = (definition: WorkflowDefinition | null | undefined): WorkflowDefinition =>
  definition ? orderDefinition(structuredClone(definition)) : blankDefinition();

/** /workflows/[id]: the version picker and its actions, the editor, runs and executions. */
export function WorkflowWorkspace({
  initial,
  initialVersionId,
  initialExecutions,
  models,
  initialSchemas,
  loadSchema,
}: {
  initial: WorkflowDetailView;
  initialVersionId: string | null;
  initialExecutions: WorkflowExecutionSummaryView[];
  models: readonly CatalogModel[];
  initialSchemas: Readonly<Record<string, JsonSchema>>;
  loadSchema: SchemaLoader;
}) {
  const toast = useToast();
  const detail = useQuery({
    queryKey: workflowKeys.detail(initial.id),
    queryFn: () => fetchWorkflow(initial.id),
    initialData: initial,
  });
  const workflow = detail.data;
  const [versionId, setVersionId] = useState(
    () => pickVersion(initial, initialVersionId)?.versionId ?? null,
  );
  const version = pickVersion(workflow, versionId);
  const [draft, setDraft] = useState<WorkflowDefinition>(() => copyOf(version?.definition));
  const problems = useMemo(() => validateDefinition(draft), [draft]);
  const dirty = useMemo(
    () => canonicalJson(draft) !== canonicalJson(version?.definition ?? null),
    [draft, version?.definition],
  );

  const open = (next: WorkflowVersionView | null, definition = next?.definition) => {
    setVersionId(next?.versionId ?? null);
    setDraft(copyOf(definition));
    window.history.replaceState(null, "", workflowHref(workflow.id, next?.versionId));
  };
  const mutation = useVersionActions(workflow.id, (action, answer) => {
    toast.show({ message: doneMessage(action, answer), tone: "success" });
    if (action.kind === "save" || action.kind === "new") {
      const saved = answer.workflow.versions.find((v) => v.versionId === answer.versionId);
      open(saved ?? null, saved?.definition ?? action.definition);
    }
  });

  const select = (id: string) => {
    if (id === version?.versionId) return;
    if (dirty && !window.confirm("Discard your unsaved changes to this version?")) return;
    mutation.reset();
    open(workflow.versions.find((v) => v.versionId === id) ?? null);
  };

  return (
    <div className="space-y-6">
      <WorkflowHeader workflow={workflow} />
      <VersionToolbar
        workflow={workflow}
        version={version}
        draft={draft}
        dirty={dirty}
        problemCount={problems.length}
        onSelect={select}
        mutation={mutation}
      />
      <Card className="p-3 sm:p-5">
        <DefinitionEditor
          definition={draft}
          onChange={setDraft}
          problems={problems}
          models={models}
          loadSchema={loadSchema}
          initialSchemas={initialSchemas}
        />
      </Card>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2 lg:items-start">
        <div className="space-y-6">
          <RunPanel workflowId={workflow.id} version={version} dirty={dirty} />
        </div>
        <ExecutionHistory workflowId={workflow.id} initial={initialExecutions} />
      </div>
    </div>
  );
}
