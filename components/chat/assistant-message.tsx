"use client";
import type { ChatMessageView } from "@/lib/shared/sense-types";
import { BusySpinner } from "../gallery/busy-spinner";
import { SparkIcon } from "../ui/icons";
import { ClarificationCard } from "./clarification-card";
import { MediaGrid } from "./media-grid";
import { MessageError } from "./message-error";
import { toAssistantView } from "./message-view-model";
import { PlanCard } from "./plan-card";
import { StepList } from "./step-list";
import { ThinkingSection } from "./thinking-section";
import { UnknownEventRow } from "./unknown-event-row";
import { WebSearchResults } from "./web-search-results";
import { WorkflowCard } from "./workflow-card";

export type AssistantActions = {
  /** Sends an option, an approval or a retry as the next message. */
  onAnswer: (text: string) => void;
  /** "Change" on a plan: the person says what to change in the composer. */
  onChangePlan: () => void;
  onRetry: (message: ChatMessageView) => void;
};

/** One reply of each::sense, drawn from its events (live or stored alike). */
export function AssistantMessage({
  message,
  prompt,
  canAnswer,
  canRetry,
  actions,
}: {
  message: ChatMessageView;
  /** The message it answers, for the media's alt text. */
  prompt: string | null;
  /** The latest reply, and nothing streaming: its question can be answered. */
  canAnswer: boolean;
  canRetry: boolean;
  actions: AssistantActions;
}) {
  const view = toAssistantView(message);
  const { status } = message;
  const empty = !view.thinking && view.steps.length === 0 && !view.text && view.media.length === 0;
  const retryAt =
    view.error?.retryAfter != null
      ? Date.parse(message.updatedAt) + view.error.retryAfter * 1000
      : null;
  const alt = prompt ? `Made by each::sense for: ${prompt.slice(0, 160)}` : "Made by each::sense";

  return (
    <article aria-label="each::sense" data-status={status} className="flex min-w-0 gap-3">
      <span className="brand-gradient mt-0.5 grid size-8 shrink-0 place-items-center rounded-lg text-white">
        <SparkIcon width={16} height={16} />
      </span>
      <div className="min-w-0 flex-1 space-y-3">
        <p className="flex items-center gap-2 text-sm">
          <span className="font-semibold">each::sense</span>
          <span
            aria-live="polite"
            className="flex items-center gap-1.5 text-xs text-muted-foreground"
          >
            {status === "streaming" ? (
              <>
                <BusySpinner className="size-3" /> {empty ? "Starting…" : "Working…"}
              </>
            ) : status === "stopped" ? (
              <span className="rounded-full bg-muted px-2 py-0.5 font-medium">Stopped</span>
            ) : null}
          </span>
        </p>
        {view.thinking ? (
          <ThinkingSection text={view.thinking} active={view.thinkingActive} />
        ) : null}
        <WebSearchResults searches={view.searches} citations={[]} />
        <StepList steps={view.steps} progress={view.progress} streaming={view.streaming} />
        {view.workflow ? <WorkflowCard workflow={view.workflow} /> : null}
        <div
          aria-live={view.streaming ? "polite" : undefined}
          className="text-[0.95rem] leading-relaxed break-words whitespace-pre-wrap empty:hidden"
        >
          {view.text}
        </div>
        <MediaGrid tiles={view.media} alt={alt} />
        <WebSearchResults searches={[]} citations={view.citations} />
        {view.plan ? (
          <PlanCard
            plan={view.plan}
            canAnswer={canAnswer}
            onApprove={() => actions.onAnswer("Yes, go ahead")}
            onChange={actions.onChangePlan}
          />
        ) : null}
        {view.clarification ? (
          <ClarificationCard
            clarification={view.clarification}
            canAnswer={canAnswer}
            onAnswer={actions.onAnswer}
          />
        ) : null}
        {status === "failed" ||
        status === "interrupted" ||
        status === "stopped" ||
        (view.streaming && view.error) ? (
          <MessageError
            error={view.error}
            ending={status === "interrupted" || status === "stopped" ? status : "failed"}
            retryAt={retryAt}
            canRetry={canRetry && status !== "streaming"}
            onRetry={() => actions.onRetry(message)}
          />
        ) : null}
        {view.unknown.map((event) => (
          <UnknownEventRow key={event.key} event={event} />
        ))}
      </div>
    </article>
  );
}
