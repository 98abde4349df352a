// What an assistant message shows, derived from its stored events alone: the page draws a
// reloaded message and a live one the same way, and the mapping is tested without a DOM.
import type { SenseEvent, SenseEventOf } from "@/lib/shared/sense-events";
import type { ChatMessageView } from "@/lib/shared/sense-types";
import { toMediaTiles, type MediaTile } from "./media-tiles";
import { toPlan, type PlanView } from "./plan-view";
import { toWorkflow, type WorkflowView } from "./workflow-view";

export type StepView = { key: number; text: string; tool: string | null };
export type SearchView = { key: number; query: string; recency: string | null };
export type CitationView = {
  key: string;
  title: string;
  url: string | null;
  host: string | null;
  snippet: string | null;
};
export type ClarificationView = { question: string; options: string[]; context: string | null };
export type ErrorView = {
  code: string;
  message: string;
  suggestion: string | null;
  retryAfter: number | null;
};
export type UnknownView = { key: number; label: string; json: string };

export type AssistantView = {
  streaming: boolean;
  thinking: string;
  /** Still thinking: streaming, and nothing but thinking has arrived since. */
  thinkingActive: boolean;
  steps: StepView[];
  /** The latest progress, while the reply streams. */
  progress: { percent: number; message: string | null } | null;
  searches: SearchView[];
  citations: CitationView[];
  text: string;
  media: MediaTile[];
  /** A question with its options; null when it is a plan's yes/no (see `plan`). */
  clarification: ClarificationView | null;
  plan: PlanView | null;
  workflow: WorkflowView | null;
  error: ErrorView | null;
  unknown: UnknownView[];
};

export { type MediaTile, type PlanView, type WorkflowView };

const UNKNOWN_JSON_MAX = 600;

function humanize(tool: string): string {
  const words = tool.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return null;
  }
}

function stepOf(event: SenseEvent, key: number): StepView | null {
  switch (event.type) {
    case "status":
      return {
        key,
        text: event.message || (event.tool_name ? humanize(event.tool_name) : "Working"),
        tool: event.tool_name ?? null,
      };
    case "tool_call": {
      const input = event.input as { model_name?: unknown } | undefined;
      const model = typeof input?.model_name === "string" ? input.model_name : null;
      const name = event.name ?? "a tool";
      return { key, text: model ? `Running ${model}` : `Calling ${name}`, tool: name };
    }
    case "message":
      return { key, text: event.content, tool: null };
    default:
      return null;
  }
}

function jsonOf(value: unknown): string {
  let text: string;
  try {
    text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > UNKNOWN_JSON_MAX ? `${text.slice(0, UNKNOWN_JSON_MAX)}…` : text;
}

function unknownOf(event: SenseEventOf<"unknown">, key: number): UnknownView {
  const original = event.original as { type?: unknown } | null;
  const type = typeof original?.type === "string" ? original.type : null;
  const label = event.reason === "malformed" ? "Unreadable event" : (type ?? "Unknown event");
  return { key, label, json: jsonOf(event.original) };
}

function errorOf(message: ChatMessageView, events: SenseEvent[]): ErrorView | null {
  const last = events.findLast((event): event is SenseEventOf<"error"> => event.type === "error");
  const stored = message.error;
  if (!stored && !last) return null;
  return {
    code: stored?.code ?? last?.error_code ?? "ERROR",
    message: stored?.message ?? last?.message ?? "each::sense reported an error.",
    suggestion: last?.suggestion ?? null,
    retryAfter: stored?.retryAfter ?? last?.retry_after ?? null,
  };
}

function citationsOf(events: SenseEvent[]): CitationView[] {
  const seen = new Set<string>();
  const list: CitationView[] = [];
  events.forEach((event, index) => {
    if (event.type !== "web_search_citations") return;
    event.citations.forEach((citation, position) => {
      const key = citation.url ?? `${index}-${position}`;
      if (seen.has(key)) return;
      seen.add(key);
      list.push({
        key,
        title: citation.title || citation.url || "Source",
        url: citation.url && /^https?:\/\//i.test(citation.url) ? citation.url : null,
        host: hostOf(citation.url),
        snippet: citation.snippet || null,
      });
    });
  });
  return list;
}

export function toAssistantView(message: ChatMessageView): AssistantView {
  const { events } = message;
  const streaming = message.status === "streaming";
  const plan = toPlan(events);
  const steps: StepView[] = [];
  const searches: SearchView[] = [];
  const unknown: UnknownView[] = [];
  let thinking = "";
  let progress: AssistantView["progress"] = null;
  let clarification: ClarificationView | null = null;

  for (const [index, event] of events.entries()) {
    if (event.type === "thinking_delta") thinking += event.content;
    else if (event.type === "progress" && typeof event.percent === "number")
      progress = {
        percent: Math.max(0, Math.min(100, event.percent)),
        message: event.message ?? null,
      };
    else if (event.type === "web_search_query")
      searches.push({ key: index, query: event.query, recency: event.recency ?? null });
    else if (event.type === "clarification_needed")
      clarification = {
        question: event.question,
        options: event.options ?? [],
        context: event.context ?? null,
      };
    else if (event.type === "unknown") unknown.push(unknownOf(event, index));
    else if (index !== plan?.sourceIndex) {
      const step = stepOf(event, index);
      if (step) steps.push(step);
    }
  }

  return {
    streaming,
    thinking: thinking.trim(),
    thinkingActive: streaming && events.at(-1)?.type === "thinking_delta",
    steps,
    progress: streaming ? progress : null,
    searches,
    citations: citationsOf(events),
    text: message.content,
    media: toMediaTiles(message),
    clarification: plan ? null : clarification,
    plan,
    workflow: toWorkflow(events),
    error: errorOf(message, events),
    unknown,
  };
}
