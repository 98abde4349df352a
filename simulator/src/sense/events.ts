/**
 * The 18 each::sense event types, as they travel in the `eachlabs` field of a
 * `chat.completion.chunk` (or flat on the legacy `/chat` and `/workflow` streams).
 * Field names follow the reference and the official RESPONSE_TYPES page.
 */
export type SenseEvent =
  | { type: "thinking_delta"; content: string }
  | { type: "text_response"; content: string }
  | { type: "status"; message: string; tool_name?: string; parameters?: Record<string, unknown> }
  | { type: "tool_call"; name: string; input: Record<string, unknown> }
  | { type: "message"; content: string }
  | { type: "progress"; percent: number; message: string }
  | {
      type: "generation_response";
      url: string;
      generations: string[];
      total: number;
      tool_name: string;
      model: string;
      execution_time_ms: number;
    }
  | {
      type: "clarification_needed";
      question: string;
      options: string[];
      context: string;
      requires_response: boolean;
      input_schema?: Record<string, unknown>;
    }
  | { type: "web_search_query"; query: string; recency: string }
  | { type: "web_search_citations"; citations: Citation[]; count: number }
  | {
      type: "workflow_created";
      workflow_id: string;
      version_id: string;
      workflow_name: string;
      input_schema: Record<string, unknown>;
      steps_count: number;
    }
  | {
      type: "workflow_fetched";
      workflow_name: string;
      workflow_id: string;
      version_id: string;
      existing_steps: number;
      existing_definition: Record<string, unknown>;
    }
  | { type: "workflow_built"; steps_count: number; definition: Record<string, unknown> }
  | {
      type: "workflow_updated";
      success: boolean;
      workflow_id: string;
      version_id: string;
      definition: Record<string, unknown>;
      message: string;
    }
  | {
      type: "execution_started";
      execution_id: string;
      workflow_id: string;
      version_id: string;
      inputs: Record<string, unknown>;
    }
  | {
      type: "execution_progress";
      execution_id: string;
      step_id: string;
      step_status: "running" | "completed" | "failed" | "skipped" | "cancelled";
      model: string | null;
      output: string | null;
      completed_steps: number;
      total_steps: number;
      progress_percent: number;
    }
  | {
      type: "execution_completed";
      execution_id: string;
      workflow_id: string;
      status: "completed" | "failed" | "cancelled";
      output: string | null;
      all_outputs: Record<string, string | null>;
      total_time_ms: number;
    }
  | CompleteEvent
  | ErrorEvent;

export interface CompleteEvent {
  type: "complete";
  status: "ok" | "error" | "clarification_needed" | "awaiting_approval";
  generations: string[];
  task_id: string;
  session_id: string;
  [extra: string]: unknown;
}

export interface ErrorEvent {
  type: "error";
  message: string;
  error_code: string;
  details?: Record<string, unknown>;
  [extra: string]: unknown;
}

export interface Citation {
  title: string;
  url: string;
  snippet: string;
}

export type SenseEventType = SenseEvent["type"];

export const SENSE_EVENT_TYPES: readonly SenseEventType[] = [
  "thinking_delta",
  "text_response",
  "status",
  "tool_call",
  "message",
  "progress",
  "generation_response",
  "clarification_needed",
  "web_search_query",
  "web_search_citations",
  "workflow_created",
  "workflow_fetched",
  "workflow_built",
  "workflow_updated",
  "execution_started",
  "execution_progress",
  "execution_completed",
  "complete",
  "error",
];
