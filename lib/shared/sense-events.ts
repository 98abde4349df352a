// each::sense stream events (the `eachlabs` field of a `chat.completion.chunk`), parsed
// leniently: extra fields are kept, a type we do not know (or a known type with fields we
// cannot read) becomes `{type: "unknown", original}` instead of an exception, so one odd
// event never breaks a stream. Fields follow the API reference, the official event-types
// page and the simulator (simulator/README.md, "each::sense"). Browser-safe.
import { z } from "zod";

const text = z.string();
const record = z.record(z.string(), z.unknown());
const count = z.number();
const urls = z.array(z.string());

const thinkingDelta = z.looseObject({ type: z.literal("thinking_delta"), content: text });
const textResponse = z.looseObject({ type: z.literal("text_response"), content: text });
const status = z.looseObject({
  type: z.literal("status"),
  message: text.optional(),
  tool_name: text.optional(),
  parameters: record.optional(),
});
const toolCall = z.looseObject({
  type: z.literal("tool_call"),
  name: text.optional(),
  input: z.unknown().optional(),
});
const message = z.looseObject({ type: z.literal("message"), content: text });
const progress = z.looseObject({
  type: z.literal("progress"),
  percent: count.optional(),
  message: text.optional(),
});
const generationResponse = z.looseObject({
  type: z.literal("generation_response"),
  url: text.optional(),
  generations: urls.optional(),
  total: count.optional(),
  tool_name: text.optional(),
  model: text.optional(),
  execution_time_ms: count.optional(),
});
const clarificationNeeded = z.looseObject({
  type: z.literal("clarification_needed"),
  question: text,
  options: z.array(text).optional(),
  context: text.optional(),
  requires_response: z.boolean().optional(),
  // Workflow inputs still missing, as a JSON Schema.
  input_schema: record.optional(),
});
const webSearchQuery = z.looseObject({
  type: z.literal("web_search_query"),
  query: text,
  recency: text.optional(),
});
const citation = z.looseObject({
  title: text.optional(),
  url: text.optional(),
  snippet: text.optional(),
});
const webSearchCitations = z.looseObject({
  type: z.literal("web_search_citations"),
  citations: z.array(citation),
  count: count.optional(),
});
const workflowCreated = z.looseObject({
  type: z.literal("workflow_created"),
  workflow_id: text,
  version_id: text.optional(),
  workflow_name: text.optional(),
  input_schema: record.optional(),
  steps_count: count.optional(),
});
const workflowFetched = z.looseObject({
  type: z.literal("workflow_fetched"),
  workflow_id: text.optional(),
  version_id: text.optional(),
  workflow_name: text.optional(),
  existing_steps: count.optional(),
  existing_definition: record.optional(),
});
const workflowBuilt = z.looseObject({
  type: z.literal("workflow_built"),
  steps_count: count.optional(),
  definition: record.optional(),
});
const workflowUpdated = z.looseObject({
  type: z.literal("workflow_updated"),
  success: z.boolean().optional(),
  workflow_id: text.optional(),
  version_id: text.optional(),
  definition: record.optional(),
  message: text.optional(),
});
const executionStarted = z.looseObject({
  type: z.literal("execution_started"),
  execution_id: text,
  workflow_id: text.optional(),
  version_id: text.optional(),
  inputs: record.optional(),
});
const executionProgress = z.looseObject({
  type: z.literal("execution_progress"),
  execution_id: text.optional(),
  step_id: text.optional(),
  // running, completed, failed, skipped (the simulator also sends cancelled).
  step_status: text.optional(),
  model: text.nullable().optional(),
  output: z.unknown().optional(),
  completed_steps: count.optional(),
  total_steps: count.optional(),
  progress_percent: count.optional(),
});
const executionCompleted = z.looseObject({
  type: z.literal("execution_completed"),
  execution_id: text.optional(),
  workflow_id: text.optional(),
  status: text.optional(),
  output: z.unknown().optional(),
  all_outputs: record.optional(),
  total_time_ms: count.optional(),
});
const complete = z.looseObject({
  type: z.literal("complete"),
  // ok, clarification_needed, awaiting_approval (a plan waiting for a yes), or error.
  status: text.optional(),
  generations: urls.optional(),
  task_id: text.optional(),
  session_id: text.optional(),
});
const error = z.looseObject({
  type: z.literal("error"),
  message: text.optional(),
  error_code: text.optional(),
  details: z.unknown().optional(),
  retry_after: count.optional(),
  suggestion: text.optional(),
});

export const knownSenseEventSchema = z.discriminatedUnion("type", [
  thinkingDelta,
  textResponse,
  status,
  toolCall,
  message,
  progress,
  generationResponse,
  clarificationNeeded,
  webSearchQuery,
  webSearchCitations,
  workflowCreated,
  workflowFetched,
  workflowBuilt,
  workflowUpdated,
  executionStarted,
  executionProgress,
  executionCompleted,
  complete,
  error,
]);

export type KnownSenseEvent = z.infer<typeof knownSenseEventSchema>;
export type SenseEventType = KnownSenseEvent["type"];

/** The 18 documented event types plus `error`. */
export const SENSE_EVENT_TYPES: readonly SenseEventType[] = knownSenseEventSchema.options.map(
  (option) => option.shape.type.value,
);

/**
 * An event we could not read as a known one: `unknown_type` (a type this app does not know
 * yet), `invalid` (a known type with fields of the wrong shape) or `malformed` (a chunk that
 * was not JSON; `original` is its text, cut to 2,000 characters).
 */
export type UnknownSenseEvent = {
  type: "unknown";
  reason: "unknown_type" | "invalid" | "malformed";
  original: unknown;
};

export type SenseEvent = KnownSenseEvent | UnknownSenseEvent;

/** Events of one type, e.g. `SenseEventOf<"generation_response">`. */
export type SenseEventOf<T extends SenseEvent["type"]> = Extract<SenseEvent, { type: T }>;

const KNOWN = new Set<string>(SENSE_EVENT_TYPES);
const MALFORMED_KEEP = 2_000;

/** One event from the `eachlabs` field (or a flat `/chat` stream). Never throws. */
export function parseSenseEvent(value: unknown): SenseEvent {
  const type =
    typeof value === "object" && value !== null ? (value as { type?: unknown }).type : undefined;
  if (typeof type !== "string" || !KNOWN.has(type))
    return { type: "unknown", reason: "unknown_type", original: value };
  const parsed = knownSenseEventSchema.safeParse(value);
  return parsed.success ? parsed.data : { type: "unknown", reason: "invalid", original: value };
}

export function malformedEvent(raw: string): UnknownSenseEvent {
  return { type: "unknown", reason: "malformed", original: raw.slice(0, MALFORMED_KEEP) };
}

export type ParsedChunk = {
  /** The `eachlabs` event, or null for a chunk without one (plain OpenAI text chunks). */
  event: SenseEvent | null;
  /** `choices[0].delta.content` ("" when absent). */
  text: string;
};

/**
 * A `chat.completion.chunk` (already JSON-parsed): its event and its delta text. A flat
 * event (`{"type": ...}` with no `choices`, as the legacy `/chat` stream sends) works too.
 */
export function parseChunk(json: unknown): ParsedChunk {
  if (typeof json !== "object" || json === null) return { event: null, text: "" };
  const chunk = json as { eachlabs?: unknown; choices?: unknown; type?: unknown };
  const choice: unknown = Array.isArray(chunk.choices) ? chunk.choices[0] : undefined;
  const delta =
    typeof choice === "object" && choice !== null ? (choice as { delta?: unknown }).delta : null;
  const content =
    typeof delta === "object" && delta !== null ? (delta as { content?: unknown }).content : null;
  const textPart = typeof content === "string" ? content : "";
  if (chunk.eachlabs !== undefined && chunk.eachlabs !== null)
    return { event: parseSenseEvent(chunk.eachlabs), text: textPart };
  if (typeof chunk.type === "string" && chunk.choices === undefined)
    return { event: parseSenseEvent(json), text: "" };
  return { event: null, text: textPart };
}

/**
 * The events one chunk stands for, so that text always travels as `text_response` events:
 * delta text without a text event (plain OpenAI chunks) becomes one.
 */
export function chunkEvents({ event, text: delta }: ParsedChunk): SenseEvent[] {
  if (!event) return delta ? [{ type: "text_response", content: delta }] : [];
  if (event.type === "text_response" || !delta) return [event];
  return [event, { type: "text_response", content: delta }];
}

export type SseData = { kind: "done" } | { kind: "events"; events: SenseEvent[] };

/** The `data:` of one upstream SSE message: `[DONE]`, or the events of a chunk. */
export function parseSseData(data: string): SseData {
  if (data.trim() === "[DONE]") return { kind: "done" };
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { kind: "events", events: [malformedEvent(data)] };
  }
  return { kind: "events", events: chunkEvents(parseChunk(json)) };
}

/** Every media URL an event hands out (`url` and `generations[]`), in order, once each. */
export function eventMediaUrls(event: SenseEvent): string[] {
  if (event.type === "generation_response")
    return [...new Set([...(event.url ? [event.url] : []), ...(event.generations ?? [])])];
  if (event.type === "complete") return [...new Set(event.generations ?? [])];
  return [];
}
