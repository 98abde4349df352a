// How an assistant message grows from its each::sense events, and how it ends. Pure, so the
// relay (which persists it) and the chat page (which may apply live events the same way)
// agree. Browser-safe.
import { eventMediaUrls, type SenseEvent } from "./sense-events";
import type {
  ChatEndReason,
  ChatFinalStatus,
  ChatMessageError,
  ChatMessageStatus,
} from "./sense-types";

export type SenseMessageState = {
  content: string;
  events: SenseEvent[];
  /** Media URLs in the order they were handed out, once each. */
  generations: string[];
  status: ChatMessageStatus;
  error: ChatMessageError | null;
  /** The final each::sense event seen, if any: the stream's own verdict. */
  terminal: "complete" | "error" | null;
};

export function initialMessageState(): SenseMessageState {
  return {
    content: "",
    events: [],
    generations: [],
    status: "streaming",
    error: null,
    terminal: null,
  };
}

function errorOf(event: Extract<SenseEvent, { type: "error" }>): ChatMessageError {
  return {
    code: event.error_code || "INTERNAL_ERROR",
    message: event.message || "each::sense reported an error.",
    ...(typeof event.retry_after === "number" ? { retryAfter: event.retry_after } : {}),
  };
}

/** The state after one more event. The status stays `streaming` until finishMessage. */
export function reduceEvent(state: SenseMessageState, event: SenseEvent): SenseMessageState {
  const next: SenseMessageState = { ...state, events: [...state.events, event] };
  const media = eventMediaUrls(event).filter((url) => !state.generations.includes(url));
  if (media.length > 0) next.generations = [...state.generations, ...media];
  switch (event.type) {
    case "text_response":
      next.content = state.content + event.content;
      break;
    case "error":
      // The stream ends after an error event; the first one is the verdict.
      if (state.terminal !== "error") {
        next.terminal = "error";
        next.error = errorOf(event);
      }
      break;
    case "complete":
      if (state.terminal === null) {
        next.terminal = event.status === "error" ? "error" : "complete";
        if (event.status === "error")
          next.error = { code: "ERROR", message: "each::sense could not finish this request." };
      }
      break;
  }
  return next;
}

/** How the upstream stream ended: normally ([DONE]), or cut short and why. */
export type StreamEnd = { kind: "done" | ChatEndReason; idleMs?: number };

const INTERRUPTED: Partial<Record<ChatEndReason, (end: StreamEnd) => ChatMessageError>> = {
  dropped: () => ({
    code: "interrupted:dropped",
    message:
      "The connection to each::sense closed before the answer finished. What arrived is kept.",
  }),
  stalled: (end) => ({
    code: "interrupted:stalled",
    message: `each::sense sent nothing for ${Math.round((end.idleMs ?? 0) / 1000)} s, so we stopped waiting. What arrived is kept.`,
  }),
  broken: () => ({
    code: "interrupted:broken",
    message: "The answer from each::sense could not be read to the end. What arrived is kept.",
  }),
};

/**
 * The final state. A final each::sense event decides (complete → complete, error →
 * failed) however the connection ended afterwards; without one, [DONE] counts as complete,
 * a stop (or the browser leaving) as stopped, and a drop, stall or broken stream as
 * interrupted.
 */
export function finishMessage(state: SenseMessageState, end: StreamEnd): SenseMessageState {
  let status: ChatFinalStatus;
  let error = state.error;
  if (state.terminal === "error") status = "failed";
  else if (state.terminal === "complete" || end.kind === "done") status = "complete";
  else if (end.kind === "stopped" || end.kind === "client_gone") status = "stopped";
  else {
    status = "interrupted";
    error = INTERRUPTED[end.kind]?.(end) ?? null;
  }
  return { ...state, status, error };
}

/** The end reason to report with the final state, when the stream's own events did not decide. */
export function endReason(state: SenseMessageState, end: StreamEnd): ChatEndReason | undefined {
  return state.terminal === null && end.kind !== "done" ? end.kind : undefined;
}
