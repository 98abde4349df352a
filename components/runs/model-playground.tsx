"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { apiFetch, ApiError } from "@/lib/client/api";
import type { JsonSchema } from "@/lib/shared/catalog-types";
import { cn } from "@/lib/shared/cn";
import { coerceInput } from "@/lib/shared/model-schema";
import { isTerminal } from "@/lib/shared/run-status";
import type { RunView } from "@/lib/shared/run-types";
import { ModelForm } from "../model-form";
import { Card } from "../ui/card";
import { ApiCode } from "./api-code";
import { readDraft, writeDraft } from "./form-draft";
import { RunErrorAlert } from "./run-error-alert";
import { RunHistory } from "./run-history";
import { RunPanel } from "./run-panel";
import { runQueryKey, useRun } from "./use-run";
import { uploadFile } from "./upload-file";

export type PlaygroundModel = { slug: string; title: string; version: string; schema: JsonSchema };

function showRunInUrl(slug: string, runId: string | null) {
  window.history.replaceState(null, "", runId ? `/models/${slug}?run=${runId}` : `/models/${slug}`);
}

/** The model page's working area: the form (or its API code), the current run, the history. */
export function ModelPlayground({
  model,
  signedIn,
  initialRun,
  initialHistory,
}: {
  model: PlaygroundModel;
  signedIn: boolean;
  initialRun: RunView | null;
  initialHistory: RunView[];
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [value, setValue] = useState<Record<string, unknown>>(() => initialRun?.input ?? {});
  const [runId, setRunId] = useState<string | null>(initialRun?.id ?? null);
  const [error, setError] = useState<ApiError | null>(null);
  const [tab, setTab] = useState<"form" | "api">("form");
  const [lastInput, setLastInput] = useState<Record<string, unknown> | null>(null);

  // A draft kept across the sign-in round trip comes back once the page is in the browser.
  useEffect(() => {
    const draft = initialRun ? null : readDraft(model.slug);
    if (draft) setValue(draft); // eslint-disable-line react-hooks/set-state-in-effect -- sessionStorage exists only after hydration
  }, [initialRun, model.slug]);

  const run = useRun(runId, initialRun ?? undefined).data ?? null;
  const history = useQuery({
    queryKey: ["runs", model.slug],
    queryFn: async () =>
      (
        await apiFetch<{ runs: RunView[] }>(
          `/api/runs?model=${encodeURIComponent(model.slug)}&limit=20`,
        )
      ).runs,
    initialData: initialHistory,
    enabled: signedIn,
  });
  const finished = run
    ? isTerminal(run.status) && (run.status !== "succeeded" || run.outputsSaved)
    : false;
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: ["runs", model.slug] });
  }, [finished, model.slug, queryClient]);

  const start = useMutation({
    mutationFn: (input: Record<string, unknown>) =>
      apiFetch<{ run: RunView }>("/api/runs", {
        method: "POST",
        json: { model: model.slug, input },
      }),
    onSuccess: ({ run: created }) => {
      queryClient.setQueryData(runQueryKey(created.id), created);
      setRunId(created.id);
      showRunInUrl(model.slug, created.id);
      void queryClient.invalidateQueries({ queryKey: ["runs", model.slug] });
    },
    onError: (caught) => {
      setError(
        caught instanceof ApiError
          ? caught
          : new ApiError(0, "internal:client", "Something went wrong. Please try again."),
      );
      void queryClient.invalidateQueries({ queryKey: ["runs", model.slug] });
    },
  });

  const cancel = useMutation({
    mutationFn: (id: string) =>
      apiFetch<{ run: RunView }>(`/api/runs/${id}/cancel`, { method: "POST" }),
    onSuccess: ({ run: updated }) => queryClient.setQueryData(runQueryKey(updated.id), updated),
    onError: (caught) => setError(caught instanceof ApiError ? caught : null),
  });

  function submit(input: Record<string, unknown>) {
    writeDraft(model.slug, input);
    if (!signedIn) {
      router.push(`/signin?callbackUrl=${encodeURIComponent(`/models/${model.slug}`)}`);
      return;
    }
    setError(null);
    setLastInput(input);
    start.mutate(input);
  }

  function open(picked: RunView) {
    setRunId(picked.id);
    setValue(picked.input);
    setError(null);
    queryClient.setQueryData(runQueryKey(picked.id), picked);
    showRunInUrl(model.slug, picked.id);
  }

  function runAgain(picked: RunView) {
    setValue(picked.input);
    submit(picked.input);
  }

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)] lg:items-start">
      <Card className="p-4 sm:p-5">
        <div role="tablist" aria-label="Input" className="mb-4 flex gap-1 border-b border-border">
          {(["form", "api"] as const).map((id) => (
            <button
              key={id}
              role="tab"
              type="button"
              aria-selected={tab === id}
              onClick={() => setTab(id)}
              className={cn(
                "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
                tab === id
                  ? "border-primary text-foreground"
                  : "border-transparent text-muted-foreground hover:text-foreground",
              )}
            >
              {id === "form" ? "Input" : "API code"}
            </button>
          ))}
        </div>
        {error && tab === "form" ? (
          <div className="mb-4">
            <RunErrorAlert
              key={`${error.code}-${error.message}`}
              error={error}
              onRetry={() => lastInput && submit(lastInput)}
            />
          </div>
        ) : null}
        <div hidden={tab !== "form"}>
          <ModelForm
            schema={model.schema}
            value={value}
            onChange={setValue}
            onSubmit={submit}
            fieldErrors={error?.details.fields}
            submitting={start.isPending}
            submitLabel={signedIn ? "Run" : "Sign in to run"}
            uploadFile={uploadFile}
          />
        </div>
        {tab === "api" ? (
          <ApiCode
            request={{
              model: model.slug,
              version: model.version,
              input: coerceInput(model.schema, value),
            }}
          />
        ) : null}
      </Card>

      <div className="space-y-6">
        <RunPanel
          run={run}
          onCancel={() => run && cancel.mutate(run.id)}
          cancelling={cancel.isPending}
          onRunAgain={() => run && runAgain(run)}
        />
        {signedIn ? (
          <section aria-labelledby="history-heading">
            <h2 id="history-heading" className="mb-2 text-sm font-semibold">
              Your runs of this model
            </h2>
            <RunHistory
              runs={history.data ?? []}
              currentId={runId}
              onOpen={open}
              onRunAgain={runAgain}
            />
          </section>
        ) : null}
      </div>
    </div>
  );
}
