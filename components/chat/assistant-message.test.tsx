import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { SenseEvent } from "@/lib/shared/sense-events";
import type { ChatMessageView } from "@/lib/shared/sense-types";
import { AssistantMessage, type AssistantActions } from "./assistant-message";

afterEach(cleanup);

function message(events: SenseEvent[], extra: Partial<ChatMessageView> = {}): ChatMessageView {
  return {
    id: "a1",
    role: "assistant",
    content: "",
    status: "complete",
    events,
    attachments: [],
    error: null,
    generations: [],
    media: [],
    settings: null,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...extra,
  };
}

function draw(reply: ChatMessageView, canAnswer = true) {
  const actions: AssistantActions = { onAnswer: vi.fn(), onChangePlan: vi.fn(), onRetry: vi.fn() };
  render(
    <AssistantMessage
      message={reply}
      prompt="make something cool"
      canAnswer={canAnswer}
      canRetry
      actions={actions}
    />,
  );
  return { actions, article: screen.getByRole("article", { name: "each::sense" }) };
}

describe("an assistant message", () => {
  it("streams its text in a polite live region with Thinking open and the steps live", () => {
    const { article } = draw(
      message(
        [
          { type: "thinking_delta", content: "Looking for a model" },
          { type: "text_response", content: "Here is" },
        ],
        { status: "streaming", content: "Here is" },
      ),
    );
    expect(article.dataset.status).toBe("streaming");
    expect(within(article).getByText("Here is").getAttribute("aria-live")).toBe("polite");
    expect(within(article).getByText("Thinking")).toBeTruthy();
  });

  it("sends a clarification's option as the next message", async () => {
    const { actions } = draw(
      message([
        {
          type: "clarification_needed",
          question: "What should it be?",
          options: ["A neon city", "A forest"],
        },
      ]),
    );
    await userEvent.click(screen.getByRole("button", { name: "A forest" }));
    expect(actions.onAnswer).toHaveBeenCalledWith("A forest");
  });

  it("holds an older question's options back", () => {
    draw(message([{ type: "clarification_needed", question: "Which?", options: ["One"] }]), false);
    expect(screen.getByRole("button", { name: "One" })).toHaveProperty("disabled", true);
  });

  it("offers Approve and Change on a plan", async () => {
    const { actions } = draw(
      message([
        { type: "message", content: "Plan:\n1. Make it\n2. Return it" },
        {
          type: "clarification_needed",
          question: "Here's my plan. Should I proceed?",
          options: ["Yes, execute this plan", "No, I want to modify it"],
        },
        { type: "complete", status: "awaiting_approval" },
      ]),
    );
    expect(screen.queryByRole("button", { name: "Yes, execute this plan" })).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Approve" }));
    expect(actions.onAnswer).toHaveBeenCalledWith("Yes, go ahead");
    await userEvent.click(screen.getByRole("button", { name: "Change" }));
    expect(actions.onChangePlan).toHaveBeenCalled();
  });

  it("shows an error's code with Retry, and draws unknown events without failing", async () => {
    const reply = message(
      [
        { type: "unknown", reason: "unknown_type", original: { type: "hologram" } },
        {
          type: "error",
          error_code: "CONTENT_FILTER",
          message: "Content was filtered by safety system",
        },
      ],
      {
        status: "failed",
        error: { code: "CONTENT_FILTER", message: "Content was filtered by safety system" },
      },
    );
    const { actions } = draw(reply);
    expect(screen.getByRole("alert").textContent).toContain("CONTENT_FILTER");
    expect(screen.getByText("hologram")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Retry" }));
    expect(actions.onRetry).toHaveBeenCalledWith(reply);
  });

  it("says Interrupted and keeps what arrived", () => {
    draw(
      message([{ type: "text_response", content: "Half an ans" }], {
        status: "interrupted",
        content: "Half an ans",
        error: { code: "interrupted:dropped", message: "The connection closed." },
      }),
    );
    expect(screen.getByText("Interrupted")).toBeTruthy();
    expect(screen.getByText("Half an ans")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Retry" })).toBeTruthy();
  });

  it("shows Saving until the stored copy exists", () => {
    draw(message([], { generations: ["http://127.0.0.1:4010/x.png"], status: "complete" }));
    expect(screen.getByText("Saving…")).toBeTruthy();
    expect(screen.queryByRole("img")).toBeNull();
  });
});
