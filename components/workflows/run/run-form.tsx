"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch, type ApiError } from "@/lib/client/api";
import type { JsonSchema } from "@/lib/shared/catalog-types";
import type { WorkflowExecutionView } from "@/lib/shared/workflow-api";
import { isRecord } from "@/lib/shared/workflow-types";
import { ModelForm } from "../../model-form";
import { uploadFile } from "../../runs/upload-file";
import { executionHref, workflowKeys } from "../workflow-cache";

const NO_INPUTS: JsonSchema = { type: "object", properties: {} };

/** The version's input_schema as JSON Schema for the generated form. */
export function inputFormSchema(inputSchema: unknown): JsonSchema {
  return isRecord(inputSchema) ? { type: "object", ...inputSchema } : NO_INPUTS;
}

/**
 * One run: a form generated from the version's input_schema. Started, it opens the
 * execution's live page; refused, the form keeps its values and shows why at the fields.
 */
export function RunForm({
  workflowId,
  versionId,
  inputSchema,
}: {
  workflowId: string;
  versionId: string;
  inputSchema: unknown;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [value, setValue] = useState<Record<string, unknown>>({});
  const trigger = useMutation<
    { execution: WorkflowExecutionView },
    ApiError,
    Record<string, unknown>
  >({
    mutationFn: (inputs) =>
      apiFetch(`/api/workflows/${workflowId}/trigger`, {
        method: "POST",
        json: { versionId, inputs },
      }),
    onSuccess: ({ execution }) => {
      queryClient.setQueryData(workflowKeys.execution(execution.id), execution);
      void queryClient.invalidateQueries({ queryKey: workflowKeys.executions(workflowId) });
      void queryClient.invalidateQueries({ queryKey: workflowKeys.list });
      router.push(executionHref(execution.id));
    },
  });
  const error = trigger.error;
  return (
    <ModelForm
      schema={inputFormSchema(inputSchema)}
      value={value}
      onChange={setValue}
      onSubmit={(inputs) => trigger.mutate(inputs)}
      fieldErrors={error?.details.fields}
      formError={error && !error.details.fields ? error.message : undefined}
      submitting={trigger.isPending || trigger.isSuccess}
      submitLabel="Run"
      uploadFile={uploadFile}
    />
  );
}
