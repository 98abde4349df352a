"use client";

import { useMemo, useState } from "react";
import { buildIndex } from "@/lib/shared/catalog-search";
import type { CatalogModel, JsonSchema } from "@/lib/shared/catalog-types";
import type { WorkflowDefinition } from "@/lib/shared/workflow-types";
import type { DefinitionProblem } from "@/lib/shared/workflow-validate";
import { EditorContext, type EditorContextValue, type SchemaLoader } from "../steps/editor-context";
import { StepList } from "../steps/step-list";
import { TabList, TabPanel } from "../tab-list";
import { DefinitionJsonView } from "./definition-json-view";
import { InputSchemaEditor } from "./input-schema-editor";
import { ProblemsList } from "./problems-list";
import { WorkflowGraph } from "./workflow-graph";

type Tab = "steps" | "json" | "graph";
const TABS = [
  { value: "steps", label: "Steps" },
  { value: "json", label: "JSON" },
  { value: "graph", label: "Graph" },
] as const;

function showStep(stepId: string) {
  requestAnimationFrame(() => {
    const card = document.querySelector<HTMLElement>(`[data-step-card="${CSS.escape(stepId)}"]`);
    card?.scrollIntoView({ block: "start", behavior: "smooth" });
    card?.querySelector<HTMLInputElement>("header input")?.focus({ preventScroll: true });
  });
}

/** The definition three ways (step list, JSON, graph), with its problems above them. */
export function DefinitionEditor({
  definition,
  onChange,
  problems,
  models,
  loadSchema,
  initialSchemas,
}: {
  definition: WorkflowDefinition;
  onChange: (fn: (definition: WorkflowDefinition) => WorkflowDefinition) => void;
  problems: readonly DefinitionProblem[];
  models: readonly CatalogModel[];
  loadSchema: SchemaLoader;
  initialSchemas: Readonly<Record<string, JsonSchema>>;
}) {
  const [tab, setTab] = useState<Tab>("steps");
  const modelIndex = useMemo(() => buildIndex(models), [models]);
  const byStep = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const problem of problems)
      if (problem.stepId)
        map.set(problem.stepId, [...(map.get(problem.stepId) ?? []), problem.message]);
    return map;
  }, [problems]);
  const context = useMemo<EditorContextValue>(
    () => ({
      definition,
      update: onChange,
      models,
      modelIndex,
      problems: byStep,
      loadSchema,
      initialSchemas,
    }),
    [definition, onChange, models, modelIndex, byStep, loadSchema, initialSchemas],
  );

  return (
    <EditorContext.Provider value={context}>
      <div className="space-y-4">
        <ProblemsList
          problems={problems}
          onShowStep={(stepId) => {
            setTab("steps");
            showStep(stepId);
          }}
        />
        <TabList label="Definition" tabs={TABS} value={tab} onChange={setTab} idBase="definition" />
        {/* Only the open view is mounted: each redraws from the definition when opened. */}
        <TabPanel idBase="definition" value="steps" active={tab === "steps"} className="space-y-8">
          {tab === "steps" ? (
            <>
              <InputSchemaEditor
                schema={definition.input_schema}
                onChange={(input_schema) => onChange((d) => ({ ...d, input_schema }))}
              />
              <section aria-labelledby="steps-heading" className="space-y-3">
                <div>
                  <h3 id="steps-heading" className="font-semibold">
                    Steps
                  </h3>
                  <p className="text-sm text-muted-foreground">
                    Run top to bottom; a step reads inputs and the steps before it.
                  </p>
                </div>
                <StepList path={[]} label="Workflow steps" />
              </section>
            </>
          ) : null}
        </TabPanel>
        <TabPanel idBase="definition" value="json" active={tab === "json"}>
          {tab === "json" ? (
            <DefinitionJsonView definition={definition} onChange={(next) => onChange(() => next)} />
          ) : null}
        </TabPanel>
        <TabPanel idBase="definition" value="graph" active={tab === "graph"}>
          {tab === "graph" ? (
            <WorkflowGraph definition={definition} invalidSteps={new Set(byStep.keys())} />
          ) : null}
        </TabPanel>
      </div>
    </EditorContext.Provider>
  );
}
