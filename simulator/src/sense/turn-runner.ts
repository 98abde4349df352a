import type { SimulatorContext } from "../context.js";
import { Agent, type ChatTurn, type TurnOutcome } from "./agent.js";
import { AgentError, StopStream } from "./agent-error.js";
import type { EventSink } from "./event-sink.js";
import { stripSenseMarkers } from "./intent.js";
import type { SessionStore } from "./session-store.js";
import type { WorkflowDefinitionStore } from "./workflow-store.js";

export interface SenseState {
  sessions: SessionStore;
  workflows: WorkflowDefinitionStore;
}

export type TurnResult =
  { kind: "ok"; outcome: TurnOutcome } | { kind: "error"; error: AgentError } | { kind: "stopped" };

const MAX_IMAGES = 4;
const MAX_PROMPT_CHARS = 10_000;

/**
 * One turn: request-level checks, the session lock, the agent, the memory
 * record, and the stream's end (`error` then `[DONE]` on failure: a stream
 * always ends after an error event).
 */
export async function runTurn(
  ctx: SimulatorContext,
  state: SenseState,
  turn: ChatTurn,
  sink: EventSink,
  entry: "chat" | "workflow-builder",
): Promise<TurnResult> {
  const refuse = (error: AgentError): TurnResult => {
    sink.fail(error);
    sink.end();
    return { kind: "error", error };
  };
  if (turn.images.length > MAX_IMAGES)
    return refuse(new AgentError("INVALID_REQUEST", "Maximum 4 images allowed per request"));
  if (stripSenseMarkers(turn.text).length > MAX_PROMPT_CHARS)
    return refuse(
      new AgentError("INVALID_REQUEST", "Prompt exceeds maximum length of 10,000 characters"),
    );

  const session = state.sessions.open(turn.key, turn.sessionId);
  if (session.busy)
    return refuse(
      new AgentError("SESSION_BUSY", "Session is currently processing another request", undefined, {
        suggestion: "Wait for the current request to complete or use a different session_id",
      }),
    );
  session.busy = true;
  const record = (response: string, generations: string[], model: string | null): void =>
    state.sessions.record(session, {
      timestamp: new Date(turn.startedAt).toISOString(),
      user_prompt: stripSenseMarkers(turn.text),
      chatbot_response: response,
      generated_media_urls: generations,
      model_used: model,
      latency_ms: Date.now() - turn.startedAt,
    });
  try {
    const agent = new Agent(ctx, turn, session, sink, state.workflows);
    const outcome = entry === "chat" ? await agent.run() : await agent.runWorkflowBuilder();
    record(
      outcome.text || (outcome.clarification?.question ?? ""),
      outcome.generations,
      outcome.model,
    );
    sink.end();
    return { kind: "ok", outcome };
  } catch (caught) {
    if (caught instanceof StopStream) return { kind: "stopped" };
    let error: AgentError;
    if (caught instanceof AgentError) {
      error = caught;
    } else {
      ctx.log(
        `sense: agent failed: ${caught instanceof Error ? (caught.stack ?? caught.message) : String(caught)}`,
      );
      error = new AgentError("INTERNAL_ERROR", "Internal error while processing the request");
    }
    record(error.message, [], null);
    sink.fail(error);
    sink.end();
    return { kind: "error", error };
  } finally {
    session.busy = false;
  }
}
