import { describe, expect, it } from "vitest";
import { initialMessageState, reduceEvent } from "@/lib/shared/sense-reducer";
import type { SenseEvent } from "@/lib/shared/sense-events";
import type { ChatMediaView, ChatMessageView } from "@/lib/shared/sense-types";
import { mergePolledMessage, upsertMessages } from "./conversation-updates";
import { hasPendingMedia } from "./media-tiles";
import { toAssistantView } from "./message-view-model";

const URL_A = "http://127.0.0.1:4010/files/a.png";
const URL_B = "http://127.0.0.1:4010/files/b.mp4";

/** A message grown from `events` by the shared reducer, as the live page grows it. */
function messageOf(events: SenseEvent[], extra: Partial<ChatMessageView> = {}): ChatMessageView {
  const state = events.reduce(reduceEvent, initialMessageState());
  return {
    id: "m1",
    role: "assistant",
    content: state.content,
    status: "streaming",
    events: state.events,
    attachments: [],
    error: state.error,
    generations: state.generations,
    media: [],
    settings: null,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...extra,
  };
}

const imageFlow: SenseEvent[] = [
  { type: "thinking_delta", content: "The user wants a landscape. " },
  { type: "thinking_delta", content: "flux-2-max fits." },
  { type: "status", message: "Searching models", tool_name: "search_models" },
  { type: "tool_call", name: "execute_model", input: { model_name: "flux-2-max", inputs: {} } },
  { type: "progress", percent: 40, message: "Rendering" },
  { type: "text_response", content: "Here is your " },
  { type: "text_response", content: "sunset." },
  { type: "generation_response", url: URL_A, generations: [URL_A] },
];

const saved = (url: string, position: number): ChatMediaView => ({
  url,
  position,
  state: "saved",
  asset: {
    id: `asset-${position}`,
    kind: "image",
    contentType: "image/png",
    fileUrl: `/api/assets/asset-${position}/file`,
  },
});

describe("an assistant message as the page shows it", () => {
  it("keeps Thinking open while only thinking has arrived, and folds it once the agent acts", () => {
    const thinking = toAssistantView(messageOf(imageFlow.slice(0, 2)));
    expect(thinking.thinking).toBe("The user wants a landscape. flux-2-max fits.");
    expect(thinking.thinkingActive).toBe(true);
    expect(toAssistantView(messageOf(imageFlow.slice(0, 3))).thinkingActive).toBe(false);
    expect(
      toAssistantView(messageOf(imageFlow.slice(0, 2), { status: "stopped" })).thinkingActive,
    ).toBe(false);
  });

  it("lists status, tool call and message events as steps, with the tool's name", () => {
    const view = toAssistantView(
      messageOf([...imageFlow, { type: "message", content: "Video takes a minute." }]),
    );
    expect(view.steps.map((step) => [step.text, step.tool])).toEqual([
      ["Searching models", "search_models"],
      ["Running flux-2-max", "execute_model"],
      ["Video takes a minute.", null],
    ]);
  });

  it("shows the latest progress while streaming and none once the reply is over", () => {
    const events: SenseEvent[] = [
      ...imageFlow.slice(0, 5),
      { type: "progress", percent: 140, message: "Almost" },
    ];
    expect(toAssistantView(messageOf(events)).progress).toEqual({
      percent: 100,
      message: "Almost",
    });
    expect(toAssistantView(messageOf(events, { status: "complete" })).progress).toBeNull();
  });

  it("grows the text token by token through the shared reducer", () => {
    expect(toAssistantView(messageOf(imageFlow.slice(0, 6))).text).toBe("Here is your ");
    expect(toAssistantView(messageOf(imageFlow)).text).toBe("Here is your sunset.");
  });

  it("shows a Saving tile for a URL until our copy exists, then our copy, never the upstream URL", () => {
    const live = messageOf(imageFlow);
    expect(toAssistantView(live).media).toEqual([{ key: URL_A, state: "saving" }]);
    expect(hasPendingMedia(live)).toBe(true);

    const copying = {
      ...live,
      media: [{ url: URL_A, position: 0, state: "pending" as const, asset: null }],
    };
    expect(toAssistantView(copying).media[0]?.state).toBe("saving");

    const done = { ...live, media: [saved(URL_A, 0)] };
    expect(toAssistantView(done).media).toEqual([
      {
        key: URL_A,
        state: "ready",
        kind: "image",
        src: "/api/assets/asset-0/file",
        assetId: "asset-0",
        contentType: "image/png",
      },
    ]);
    expect(hasPendingMedia(done)).toBe(false);
    expect(JSON.stringify(toAssistantView(done).media)).not.toContain('"src":"http');
  });

  it("says when a copy failed or was deleted from the gallery, and stops waiting for it", () => {
    const events: SenseEvent[] = [
      { type: "generation_response", url: URL_A, generations: [URL_A, URL_B] },
    ];
    const message = messageOf(events, {
      status: "complete",
      media: [
        { url: URL_A, position: 0, state: "failed", asset: null },
        { url: URL_B, position: 1, state: "saved", asset: null },
      ],
    });
    expect(toAssistantView(message).media.map((tile) => tile.state)).toEqual(["failed", "removed"]);
    expect(hasPendingMedia(message)).toBe(false);
  });

  it("shows a question with its options", () => {
    const view = toAssistantView(
      messageOf([
        {
          type: "clarification_needed",
          question: "What would you like me to make?",
          options: ["A neon city", "A forest"],
          context: "The request had no subject.",
        },
        { type: "complete", status: "clarification_needed" },
      ]),
    );
    expect(view.clarification).toEqual({
      question: "What would you like me to make?",
      options: ["A neon city", "A forest"],
      context: "The request had no subject.",
    });
    expect(view.plan).toBeNull();
  });

  it("shows a plan awaiting approval as a plan, not as a question nor as a step", () => {
    const planText =
      "Plan:\n1. Use flux-2-max to create the image\n2. Return the result\n\nEstimated time: ~10 seconds\nEstimated cost: $0.07";
    const view = toAssistantView(
      messageOf([
        { type: "status", message: "Searching models", tool_name: "search_models" },
        { type: "message", content: planText },
        { type: "text_response", content: "Here's my plan." },
        {
          type: "clarification_needed",
          question: "Here's my plan. Should I proceed?",
          options: ["Yes, execute this plan", "No, I want to modify it"],
          context: planText,
        },
        { type: "complete", status: "awaiting_approval" },
      ]),
    );
    expect(view.plan).toMatchObject({
      question: "Here's my plan. Should I proceed?",
      steps: ["Use flux-2-max to create the image", "Return the result"],
      notes: ["Estimated time: ~10 seconds", "Estimated cost: $0.07"],
    });
    expect(view.clarification).toBeNull();
    expect(view.steps.map((step) => step.text)).toEqual(["Searching models"]);
  });

  it("reads a yes/no question as a plan even before the final event", () => {
    const view = toAssistantView(
      messageOf([
        { type: "clarification_needed", question: "Go ahead?", options: ["Yes, run it", "No"] },
      ]),
    );
    expect(view.plan?.question).toBe("Go ahead?");
  });

  it("shows an error with its code, suggestion and wait", () => {
    const view = toAssistantView(
      messageOf(
        [
          { type: "text_response", content: "Working" },
          {
            type: "error",
            error_code: "RATE_LIMITED",
            message: "Too many requests",
            retry_after: 30,
            suggestion: "Wait a little.",
          },
        ],
        { status: "failed" },
      ),
    );
    expect(view.error).toEqual({
      code: "RATE_LIMITED",
      message: "Too many requests",
      suggestion: "Wait a little.",
      retryAfter: 30,
    });
  });

  it("shows why a message was refused or interrupted, from the stored error", () => {
    const view = toAssistantView(
      messageOf([], {
        status: "interrupted",
        error: { code: "interrupted:dropped", message: "The connection closed." },
      }),
    );
    expect(view.error).toMatchObject({
      code: "interrupted:dropped",
      message: "The connection closed.",
    });
  });

  it("keeps unknown and unreadable events as small rows instead of failing", () => {
    const view = toAssistantView(
      messageOf([
        { type: "unknown", reason: "unknown_type", original: { type: "hologram", depth: 3 } },
        { type: "unknown", reason: "malformed", original: '{"type": "stat' },
        { type: "unknown", reason: "invalid", original: null },
      ]),
    );
    expect(view.unknown).toEqual([
      { key: 0, label: "hologram", json: '{"type":"hologram","depth":3}' },
      { key: 1, label: "Unreadable event", json: '{"type": "stat' },
      { key: 2, label: "Unknown event", json: "null" },
    ]);
  });

  it("lists web searches and their sources once each, with their hosts", () => {
    const view = toAssistantView(
      messageOf([
        { type: "web_search_query", query: "AI video trends", recency: "week" },
        {
          type: "web_search_citations",
          citations: [
            { title: "Trends", url: "https://www.example.com/a", snippet: "Short clips." },
            { title: "Trends again", url: "https://www.example.com/a" },
            { title: "No link" },
          ],
        },
      ]),
    );
    expect(view.searches).toEqual([{ key: 0, query: "AI video trends", recency: "week" }]);
    expect(view.citations.map((citation) => [citation.title, citation.host, citation.url])).toEqual(
      [
        ["Trends", "example.com", "https://www.example.com/a"],
        ["No link", null, null],
      ],
    );
  });

  it("folds workflow and execution events into one card", () => {
    const view = toAssistantView(
      messageOf([
        { type: "workflow_built", steps_count: 2 },
        {
          type: "workflow_created",
          workflow_id: "wf-1",
          workflow_name: "Poster",
          version_id: "v1",
        },
        { type: "execution_started", execution_id: "ex-1", workflow_id: "wf-1" },
        {
          type: "execution_progress",
          step_id: "step1",
          step_status: "completed",
          completed_steps: 1,
          total_steps: 2,
        },
        {
          type: "execution_progress",
          step_id: "step2",
          step_status: "running",
          progress_percent: 60,
        },
      ]),
    );
    expect(view.workflow).toMatchObject({
      name: "Poster",
      workflowId: "wf-1",
      stepsCount: 2,
      actions: ["Built", "Created"],
      execution: {
        id: "ex-1",
        status: "running",
        completedSteps: 1,
        totalSteps: 2,
        percent: 60,
        steps: [
          { id: "step1", status: "completed", model: null },
          { id: "step2", status: "running", model: null },
        ],
      },
    });
  });
});

describe("updating the page's copy of a chat", () => {
  it("replaces a provisional message with the server's id instead of adding it twice", () => {
    const local = messageOf([], { id: "local-1-assistant" });
    const named = { ...local, id: "m9" };
    expect(upsertMessages([local], [{ message: named, replaces: "local-1-assistant" }])).toEqual([
      named,
    ]);
    // A hydrated list that already holds the server's row keeps one copy.
    expect(
      upsertMessages([local, named], [{ message: named, replaces: "local-1-assistant" }]),
    ).toEqual([named]);
  });

  it("adds the events a poll brings after the ones the page has, or only media while live", () => {
    const local = messageOf(imageFlow.slice(0, 3));
    const polled = messageOf(imageFlow.slice(3), { status: "complete", media: [saved(URL_A, 0)] });
    const merged = mergePolledMessage(local, polled, 3, false);
    expect(merged.events).toEqual(
      imageFlow.slice(0, 8).map((event) => expect.objectContaining(event)),
    );
    expect(merged.status).toBe("complete");
    const live = mergePolledMessage(local, polled, 3, true);
    expect(live.events).toHaveLength(3);
    expect(live.status).toBe("streaming");
    expect(live.media).toEqual([saved(URL_A, 0)]);
  });
});
