// Chat with each::sense as the browser sees it: conversations, messages, and the SSE
// messages our relay (POST /api/chat/conversations/:id/messages) sends. Browser-safe.
import type { AssetKind } from "./media-kind";
import type { SenseEvent } from "./sense-events";

export const CHAT_MODES = ["max", "eco"] as const;
export type ChatMode = (typeof CHAT_MODES)[number];

export const CHAT_BEHAVIORS = ["agent", "plan", "ask"] as const;
export type ChatBehavior = (typeof CHAT_BEHAVIORS)[number];

export type ChatRole = "user" | "assistant" | "system";

/** `streaming` until the stream ends; then one of the final statuses. */
export type ChatMessageStatus = "streaming" | ChatFinalStatus;
export type ChatFinalStatus = "complete" | "interrupted" | "failed" | "stopped";

export type ChatSettings = { mode: ChatMode; behavior: ChatBehavior; webSearch: boolean };

/**
 * Why a message failed or was interrupted. `code` is an each::sense `error_code`
 * (`INSUFFICIENT_BALANCE`, `CONTENT_FILTER`, `RATE_LIMITED`, `TIMEOUT`, …) for an `error`
 * event, one of our AppError codes for a refused request, or `interrupted:dropped`,
 * `interrupted:stalled`, `interrupted:broken`, `interrupted:restart` for a stream cut short.
 */
export type ChatMessageError = { code: string; message: string; retryAfter?: number };

/** A media URL of an assistant message and its copy in our storage (the gallery asset). */
export type ChatMediaView = {
  /** each::sense's URL (may expire). */
  url: string;
  position: number;
  /** `pending` while it is being copied; `failed` after the copy gave up. */
  state: "pending" | "saved" | "failed";
  asset: {
    id: string;
    kind: AssetKind;
    contentType: string;
    /** Our own URL: use it rather than `url` once present. */
    fileUrl: string;
  } | null;
};

export type ChatMessageView = {
  id: string;
  role: ChatRole;
  content: string;
  status: ChatMessageStatus;
  /** Every event received, in order; an event's index is its `seq` in the live stream. */
  events: SenseEvent[];
  /** Image URLs sent with a user message. */
  attachments: string[];
  error: ChatMessageError | null;
  /** Media URLs each::sense handed out. */
  generations: string[];
  media: ChatMediaView[];
  settings: ChatSettings | null;
  createdAt: string;
  updatedAt: string;
};

export type ConversationSummary = {
  id: string;
  title: string | null;
  mode: ChatMode;
  behavior: ChatBehavior;
  webSearch: boolean;
  createdAt: string;
  updatedAt: string;
  lastMessageAt: string;
};

export type ConversationView = ConversationSummary & { messages: ChatMessageView[] };

/** Why a stream ended without a final each::sense event. */
export type ChatEndReason =
  | "dropped" // the connection closed without [DONE]
  | "stalled" // nothing arrived for longer than the idle timeout
  | "broken" // the stream could not be read (network error, runaway chunk)
  | "stopped" // POST .../stop
  | "client_gone"; // the browser went away

/**
 * What the relay sends the browser, one `data: <json>\n\n` each, as they happen:
 * first `message` (the ids of the two new rows), then one `event` per each::sense event
 * (`seq` counts from 0 and equals the event's index in the stored message), then `done`.
 * Lines starting with `:` are keep-alive comments.
 */
export type ChatStreamMessage =
  | { type: "message"; conversationId: string; userMessageId: string; messageId: string }
  | { type: "event"; seq: number; event: SenseEvent }
  | {
      type: "done";
      status: ChatFinalStatus;
      reason?: ChatEndReason;
      error?: ChatMessageError;
    };
