"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { apiFetch, type ApiError } from "@/lib/client/api";
import type { WorkflowExecutionView } from "@/lib/shared/workflow-api";
import { ModelForm } from "../../model-form";
import { readDraft, writeDraft } from "../../runs/form-draft";
import { uploadFile } from "../../runs/upload-file";
import { inputFormSchema } from "../run/run-form";
import { executionHref } from "../workflow-cache";
import { publicPagePath, type PublicRef } from "./public-path";

/**
 * The inputs of a shared workflow. Anyone may fill them in; running needs an account, so a
 * signed-out visitor goes to sign in and comes back with the form as they left it.
 */
export function PublicRunForm({
  reference,
  inputSchema,
  signedIn,
}: {
  reference: PublicRef;
  inputSchema: unknown;
  signedIn: boolean;
}) {
  const router = useRouter();
  const page = publicPagePath(reference);
  const draftKey = `workflow${page}`;
  const [value, setValue] = useState<Record<string, unknown>>({});
  useEffect(() => {
    const draft = readDraft(draftKey);
    if (draft) setValue(draft); // eslint-disable-line react-hooks/set-state-in-effect -- sessionStorage exists only after hydration
  }, [draftKey]);

  const trigger = useMutation<
    { execution: WorkflowExecutionView },
    ApiError,
    Record<string, unknown>
  >({
    mutationFn: (inputs) =>
      apiFetch(`/api/workflows/public${page.slice("/w".length)}/trigger`, {
        method: "POST",
        json: { inputs },
      }),
    onSuccess: ({ execution }) => router.push(executionHref(execution.id)),
  });

  const submit = (inputs: Record<string, unknown>) => {
    writeDraft(draftKey, inputs);
    if (!signedIn) {
      router.push(`/signin?callbackUrl=${encodeURIComponent(page)}`);
      return;
    }
    trigger.mutate(inputs);
  };
  const error = trigger.error;
  return (
    <ModelForm
      schema={inputFormSchema(inputSchema)}
      value={value}
      onChange={setValue}
      onSubmit={submit}
      fieldErrors={error?.details.fields}
      formError={error && !error.details.fields ? error.message : undefined}
      submitting={trigger.isPending || trigger.isSuccess}
      submitLabel={signedIn ? "Run" : "Sign in to run"}
      uploadFile={uploadFile}
    />
  );
}
