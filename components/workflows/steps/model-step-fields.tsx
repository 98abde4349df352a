"use client";

import type { ReferenceOption } from "@/lib/shared/workflow-reference-options";
import { isRecord, type WorkflowStep } from "@/lib/shared/workflow-types";
import { Alert } from "../../ui/alert";
import { Spinner } from "../../ui/spinner";
import { useModelSchema } from "./editor-context";
import { JsonField } from "./json-field";
import { ModelPicker } from "./model-picker";
import { ParamsForm } from "./params-form";

type Params = Record<string, unknown>;
/** One object for "no params", so the form sees the same value on every render. */
const NO_PARAMS: Params = {};

export function paramsOf(value: unknown): Params {
  return isRecord(value) ? value : NO_PARAMS;
}

/** The params of `slug`, as its generated form once its schema is here (as JSON if it fails). */
export function ModelParams({
  slug,
  params,
  onChange,
  options,
}: {
  slug: string;
  params: Params;
  onChange: (params: Params) => void;
  options: readonly ReferenceOption[];
}) {
  const schema = useModelSchema(slug);
  if (slug === "")
    return (
      <p className="text-sm text-muted-foreground">Choose a model to fill in its parameters.</p>
    );
  if (schema.isPending)
    return (
      <p className="flex items-center gap-2 text-sm text-muted-foreground">
        <Spinner label={`Loading the form of ${slug}`} /> Loading the form of {slug}…
      </p>
    );
  if (schema.isError)
    return (
      <div className="space-y-3">
        <Alert tone="warning">
          The form of {slug} could not be loaded ({schema.error.message}). Its parameters can still
          be edited as JSON.
        </Alert>
        <JsonField
          label="Params (JSON)"
          value={params}
          objectOnly
          options={options}
          onChange={(value) => onChange(paramsOf(value))}
        />
      </div>
    );
  return <ParamsForm schema={schema.data} params={params} onChange={onChange} options={options} />;
}

/** A model step: which model, and its parameters. */
export function ModelStepFields({
  step,
  change,
  options,
}: {
  step: WorkflowStep;
  change: (fn: (step: WorkflowStep) => WorkflowStep) => void;
  options: readonly ReferenceOption[];
}) {
  const slug = typeof step.model === "string" ? step.model : "";
  return (
    <div className="space-y-4">
      <ModelPicker
        label="Model"
        value={slug}
        onChange={(model) => change((s) => ({ ...s, model }))}
      />
      <ModelParams
        slug={slug}
        params={paramsOf(step.params)}
        options={options}
        onChange={(params) => change((s) => ({ ...s, params }))}
      />
    </div>
  );
}
