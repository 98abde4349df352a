"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { apiFetch } from "@/lib/client/api";
import type { BuildResult } from "@/lib/shared/workflow-api";
import { BUILD_MESSAGE_MAX } from "@/lib/shared/workflow-schemas";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { SparkIcon } from "../ui/icons";
import { BusySpinner } from "../gallery/busy-spinner";
import { errorText, workflowHref, workflowKeys } from "./workflow-cache";

type Question = { question: string; options: string[]; sessionId: string | null };

/**
 * A pipeline described in words, built by each::sense. It may ask a question first: its
 * options answer it in one click (or the box does), in the same builder session.
 */
export function BuildWithSense() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const id = useId();
  const [message, setMessage] = useState("");
  const [question, setQuestion] = useState<Question | null>(null);

  const build = useMutation({
    mutationFn: (text: string) =>
      apiFetch<BuildResult>("/api/workflows/build", {
        method: "POST",
        json: { message: text, ...(question?.sessionId ? { sessionId: question.sessionId } : {}) },
      }),
    onSuccess: (result) => {
      if (result.kind === "question") {
        setQuestion({
          question: result.question,
          options: result.options,
          sessionId: result.sessionId,
        });
        setMessage("");
        return;
      }
      void queryClient.invalidateQueries({ queryKey: workflowKeys.list });
      queryClient.setQueryData(workflowKeys.detail(result.workflow.id), result.workflow);
      router.push(workflowHref(result.workflow.id, result.versionId));
    },
  });

  const send = (text: string) => {
    if (!text.trim() || build.isPending) return;
    build.mutate(text.trim());
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send(message);
  };

  return (
    <Card className="p-4 sm:p-5">
      <form onSubmit={onSubmit} className="space-y-3" aria-busy={build.isPending}>
        <div className="flex items-center gap-2">
          <span className="brand-gradient grid size-7 place-items-center rounded-md text-white">
            <SparkIcon width={16} height={16} />
          </span>
          <label htmlFor={id} className="font-medium">
            Describe a workflow
          </label>
        </div>
        {question ? (
          <div className="space-y-2 rounded-lg border border-primary/30 bg-primary/5 p-3 text-sm">
            <p>
              <span className="font-medium">each::sense asks: </span>
              {question.question}
            </p>
            {question.options.length > 0 ? (
              <div className="flex flex-wrap gap-2" role="group" aria-label="Answers">
                {question.options.map((option) => (
                  <button
                    key={option}
                    type="button"
                    disabled={build.isPending}
                    onClick={() => send(option)}
                    className="min-h-8 max-w-full rounded-md border border-border bg-secondary px-3 py-1 text-left text-sm font-medium text-secondary-foreground transition hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring disabled:opacity-50"
                  >
                    {option}
                  </button>
                ))}
              </div>
            ) : null}
            <p className="text-xs text-muted-foreground">Or type your own answer below.</p>
          </div>
        ) : null}
        <textarea
          id={id}
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
              event.preventDefault();
              send(message);
            }
          }}
          maxLength={BUILD_MESSAGE_MAX}
          rows={2}
          placeholder={
            question ? "Your answer" : "e.g. Generate an image from my prompt, then upscale it 2×"
          }
          className="block w-full resize-y rounded-md border border-input bg-card px-3 py-2 text-sm shadow-xs placeholder:text-muted-foreground focus-visible:outline-2 focus-visible:outline-ring"
        />
        {build.isError ? <Alert tone="error">{errorText(build.error)}</Alert> : null}
        <div className="flex flex-wrap items-center justify-end gap-3">
          <p className="mr-auto text-xs text-muted-foreground" aria-live="polite">
            {build.isPending
              ? "each::sense is building your workflow; this can take a little while…"
              : "each::sense picks the models and wires the steps; you can edit the result."}
          </p>
          {question ? (
            <Button variant="ghost" size="sm" onClick={() => setQuestion(null)}>
              Start over
            </Button>
          ) : null}
          <Button type="submit" disabled={build.isPending || !message.trim()}>
            {build.isPending ? <BusySpinner /> : null}
            Build with each::sense
          </Button>
        </div>
      </form>
    </Card>
  );
}
