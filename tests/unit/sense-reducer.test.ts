import { describe, expect, it } from "vitest";
import { parseSenseEvent, type SenseEvent } from "@/lib/shared/sense-events";
import {
  endReason,
  finishMessage,
  initialMessageState,
  reduceEvent,
  type SenseMessageState,
  type StreamEnd,
} from "@/lib/shared/sense-reducer";

function run(events: unknown[]): SenseMessageState {
  return events.map(parseSenseEvent).reduce(reduceEvent, initialMessageState());
}

const thinking = { type: "thinking_delta", content: "Hmm. " };
const text = (content: string) => ({ type: "text_response", content });
const generation = (url: string) => ({
  type: "generation_response",
  url,
  generations: [url],
  model: "flux-2-max",
});
const complete = (status = "ok", generations: string[] = []) => ({
  type: "complete",
  status,
  generations,
});
const error = { type: "error", message: "Not enough credits", error_code: "INSUFFICIENT_BALANCE" };

describe("an assistant message growing from its events", () => {
  it("grows its text, keeps every event in order and collects media once", () => {
    const state = run([
      thinking,
      { type: "status", message: "Generating", tool_name: "execute_model" },
      text("Here is "),
      text("your image."),
      generation("https://x/a.png"),
      { type: "mystery", payload: 1 },
      complete("ok", ["https://x/a.png"]),
    ]);
    expect(state.content).toBe("Here is your image.");
    expect(state.events.map((event: SenseEvent) => event.type)).toEqual([
      "thinking_delta",
      "status",
      "text_response",
      "text_response",
      "generation_response",
      "unknown",
      "complete",
    ]);
    expect(state.generations).toEqual(["https://x/a.png"]);
    expect(state.status).toBe("streaming");
    expect(state.terminal).toBe("complete");
  });

  it("does not change the state it was given", () => {
    const before = run([text("a")]);
    const after = reduceEvent(before, parseSenseEvent(text("b")));
    expect(before.content).toBe("a");
    expect(before.events).toHaveLength(1);
    expect(after.content).toBe("ab");
  });

  it("takes media listed only by the complete event", () => {
    const state = run([
      generation("https://x/a.png"),
      complete("ok", ["https://x/a.png", "https://x/b.png"]),
    ]);
    expect(state.generations).toEqual(["https://x/a.png", "https://x/b.png"]);
  });

  it("records the error event's code and message, and keeps the first error", () => {
    const state = run([
      thinking,
      { ...error, retry_after: 30 },
      { type: "error", message: "later", error_code: "INTERNAL_ERROR" },
    ]);
    expect(state.terminal).toBe("error");
    expect(state.error).toEqual({
      code: "INSUFFICIENT_BALANCE",
      message: "Not enough credits",
      retryAfter: 30,
    });
  });
});

describe("how a message ends", () => {
  const cases: {
    name: string;
    events: unknown[];
    end: StreamEnd;
    status: string;
    code?: string;
    reason?: string;
  }[] = [
    {
      name: "complete, then [DONE]",
      events: [text("x"), complete()],
      end: { kind: "done" },
      status: "complete",
    },
    {
      name: "complete, then the connection drops",
      events: [complete()],
      end: { kind: "dropped" },
      status: "complete",
    },
    {
      name: "a question is a complete answer",
      events: [complete("clarification_needed")],
      end: { kind: "done" },
      status: "complete",
    },
    {
      name: "[DONE] without a final event",
      events: [text("x")],
      end: { kind: "done" },
      status: "complete",
    },
    {
      name: "an error event",
      events: [thinking, error],
      end: { kind: "done" },
      status: "failed",
      code: "INSUFFICIENT_BALANCE",
    },
    {
      name: "an error event, then a drop",
      events: [error],
      end: { kind: "dropped" },
      status: "failed",
      code: "INSUFFICIENT_BALANCE",
    },
    {
      name: "complete with status error",
      events: [complete("error")],
      end: { kind: "done" },
      status: "failed",
      code: "ERROR",
    },
    {
      name: "a drop before any final event",
      events: [thinking, text("half")],
      end: { kind: "dropped" },
      status: "interrupted",
      code: "interrupted:dropped",
      reason: "dropped",
    },
    {
      name: "a stall",
      events: [thinking],
      end: { kind: "stalled", idleMs: 60_000 },
      status: "interrupted",
      code: "interrupted:stalled",
      reason: "stalled",
    },
    {
      name: "a stream we could not read",
      events: [],
      end: { kind: "broken" },
      status: "interrupted",
      code: "interrupted:broken",
      reason: "broken",
    },
    {
      name: "a stop",
      events: [thinking],
      end: { kind: "stopped" },
      status: "stopped",
      reason: "stopped",
    },
    {
      name: "the browser leaving",
      events: [thinking],
      end: { kind: "client_gone" },
      status: "stopped",
      reason: "client_gone",
    },
    {
      name: "a stop after complete",
      events: [complete()],
      end: { kind: "stopped" },
      status: "complete",
    },
  ];

  it.each(cases)("$name → $status", ({ events, end, status, code, reason }) => {
    const state = run(events);
    const final = finishMessage(state, end);
    expect(final.status).toBe(status);
    expect(final.error?.code).toBe(code);
    expect(endReason(state, end)).toBe(reason);
  });

  it("keeps what arrived when interrupted", () => {
    const final = finishMessage(run([text("Half an ans")]), { kind: "dropped" });
    expect(final.content).toBe("Half an ans");
    expect(final.events).toHaveLength(1);
    expect(final.error?.message).toMatch(/What arrived is kept/);
  });

  it("says how long it waited when stalled", () => {
    const final = finishMessage(run([thinking]), { kind: "stalled", idleMs: 60_000 });
    expect(final.error?.message).toContain("60 s");
  });
});
