"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { apiFetch, ApiError } from "@/lib/client/api";
import type { WorkflowDetailView } from "@/lib/shared/workflow-api";
import {
  splitCategories,
  WORKFLOW_DESCRIPTION_MAX,
  WORKFLOW_NAME_MAX,
  workflowDetailsFormSchema,
  type WorkflowDetailsFormValues,
} from "@/lib/shared/workflow-schemas";
import { Alert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { FormField } from "../../ui/form-field";
import { Input } from "../../ui/input";
import { proseTextareaClass } from "../steps/field-classes";
import { errorText, workflowKeys } from "../workflow-cache";

const FIELDS = ["name", "description", "categories"] as const;

/**
 * The workflow's name, description and categories, edited in place. Saved upstream first,
 * then in our copy; a refusal keeps what was typed and says why, at the field when it can.
 */
export function WorkflowDetailsForm({
  workflow,
  onDone,
}: {
  workflow: WorkflowDetailView;
  onDone: (saved: WorkflowDetailView | null) => void;
}) {
  const queryClient = useQueryClient();
  const { register, handleSubmit, setError, formState } = useForm<WorkflowDetailsFormValues>({
    resolver: zodResolver(workflowDetailsFormSchema),
    defaultValues: {
      name: workflow.name,
      description: workflow.description,
      categories: workflow.categories.join(", "),
    },
  });
  const save = useMutation({
    mutationFn: (values: WorkflowDetailsFormValues) =>
      apiFetch<{ workflow: WorkflowDetailView }>(`/api/workflows/${workflow.id}`, {
        method: "PUT",
        json: {
          name: values.name,
          description: values.description,
          categories: splitCategories(values.categories),
        },
      }),
    onSuccess: ({ workflow: saved }) => {
      queryClient.setQueryData(workflowKeys.detail(workflow.id), saved);
      void queryClient.invalidateQueries({ queryKey: workflowKeys.list });
      onDone(saved);
    },
    onError: (error) => {
      const fields = error instanceof ApiError ? error.details.fields : undefined;
      for (const field of FIELDS) {
        const message = fields?.[field];
        if (message) setError(field, { message });
      }
    },
  });
  const fieldErrors = save.error instanceof ApiError && save.error.details.fields;
  const errors = formState.errors;

  return (
    <form
      aria-label="Workflow details"
      noValidate
      onSubmit={handleSubmit((values) => save.mutate(values))}
      className="max-w-3xl space-y-3 rounded-lg border border-border bg-card p-4"
    >
      {save.error && !fieldErrors ? <Alert tone="error">{errorText(save.error)}</Alert> : null}
      <FormField id="workflow-name" label="Name" error={errors.name?.message}>
        <Input
          id="workflow-name"
          autoFocus
          maxLength={WORKFLOW_NAME_MAX}
          aria-invalid={Boolean(errors.name)}
          {...register("name")}
        />
      </FormField>
      <FormField id="workflow-description" label="Description" error={errors.description?.message}>
        <textarea
          id="workflow-description"
          rows={3}
          maxLength={WORKFLOW_DESCRIPTION_MAX}
          aria-invalid={Boolean(errors.description)}
          className={proseTextareaClass}
          {...register("description")}
        />
      </FormField>
      <FormField
        id="workflow-categories"
        label="Categories"
        hint="Separated by commas, e.g. image, upscaling."
        error={errors.categories?.message}
      >
        <Input
          id="workflow-categories"
          aria-invalid={Boolean(errors.categories)}
          {...register("categories")}
        />
      </FormField>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save details"}
        </Button>
        <Button variant="ghost" size="sm" disabled={save.isPending} onClick={() => onDone(null)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
