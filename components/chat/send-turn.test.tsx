import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ChatStreamMessage, ConversationView } from "@/lib/shared/sense-types";
import { chatKeys } from "./chat-cache";
import { liveTurn } from "./live-turns";
import { startTurn, type TurnRequest } from "./send-turn";

const REQUEST: TurnRequest = {
  content: "Generate a cinematic sunset landscape in 16:9",
  imageUrls: [],
  mode: "max",
  behavior: "agent",
  webSearch: true,
};

function client(): QueryClient {
  const queryClient = new QueryClient();
  queryClient.setQueryData<ConversationView>(chatKeys.conversation("c1"), {
    id: "c1",
    title: null,
    mode: "max",
    behavior: "agent",
    webSearch: true,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    lastMessageAt: "2026-01-01T00:00:00.000Z",
    messages: [],
  });
  return queryClient;
}

const messages = (queryClient: QueryClient) =>
  queryClient.getQueryData<ConversationView>(chatKeys.conversation("c1"))?.messages ?? [];

/** A relay response whose lines the test releases one by one. */
function relay() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { headers: { "Content-Type": "text/event-stream" } }),
    send: (message: ChatStreamMessage) =>
      controller.enqueue(encoder.encode(`data: ${JSON.stringify(message)}\n\n`)),
    comment: () => controller.enqueue(encoder.encode(": keep-alive\n\n")),
    close: () => controller.close(),
  };
}

afterEach(() => vi.unstubAllGlobals());

describe("a chat turn", () => {
  it("shows the message at once, then names it and grows the reply event by event", async () => {
    const stream = relay();
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => stream.response),
    );
    const queryClient = client();
    const accepted = vi.fn();
    startTurn(queryClient, "c1", REQUEST, { onAccepted: accepted });

    expect(messages(queryClient).map((message) => [message.role, message.status])).toEqual([
      ["user", "complete"],
      ["assistant", "streaming"],
    ]);

    stream.send({ type: "message", conversationId: "c1", userMessageId: "u1", messageId: "a1" });
    stream.comment();
    stream.send({ type: "event", seq: 0, event: { type: "text_response", content: "Here is " } });
    stream.send({
      type: "event",
      seq: 1,
      event: { type: "text_response", content: "your sunset." },
    });
    await vi.waitFor(() => expect(messages(queryClient)[1]?.content).toBe("Here is your sunset."));
    expect(messages(queryClient).map((message) => message.id)).toEqual(["u1", "a1"]);
    expect(accepted).toHaveBeenCalledOnce();
    expect(liveTurn("c1")?.messageId).toBe("a1");

    // A repeated event changes nothing.
    stream.send({
      type: "event",
      seq: 1,
      event: { type: "text_response", content: "your sunset." },
    });
    stream.send({ type: "done", status: "complete" });
    stream.close();
    await vi.waitFor(() => expect(messages(queryClient)[1]?.status).toBe("complete"));
    expect(messages(queryClient)[1]?.content).toBe("Here is your sunset.");
    expect(liveTurn("c1")).toBeUndefined();
  });

  it("keeps a refused message as failed, with the server's ids and the wait it asks for", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () =>
        Response.json(
          {
            error: { code: "rate_limited:chat", message: "Too many messages.", retryAfter: 20 },
            conversationId: "c1",
            userMessageId: "u2",
            messageId: "a2",
          },
          { status: 429 },
        ),
      ),
    );
    const queryClient = client();
    const accepted = vi.fn();
    const refused = vi.fn();
    startTurn(queryClient, "c1", REQUEST, { onAccepted: accepted, onRefused: refused });
    await vi.waitFor(() => expect(messages(queryClient)[1]?.status).toBe("failed"));
    expect(messages(queryClient).map((message) => message.id)).toEqual(["u2", "a2"]);
    expect(messages(queryClient)[1]?.error).toEqual({
      code: "rate_limited:chat",
      message: "Too many messages.",
      retryAfter: 20,
    });
    expect(accepted).not.toHaveBeenCalled();
    expect(refused).toHaveBeenCalledOnce();
  });

  it("leaves a reply whose stream broke as streaming, for the poller to finish", async () => {
    const stream = relay();
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => stream.response),
    );
    const queryClient = client();
    startTurn(queryClient, "c1", REQUEST);
    stream.send({ type: "message", conversationId: "c1", userMessageId: "u3", messageId: "a3" });
    stream.send({ type: "event", seq: 0, event: { type: "thinking_delta", content: "Hmm" } });
    stream.close();
    await vi.waitFor(() => expect(liveTurn("c1")).toBeUndefined());
    expect(messages(queryClient)[1]).toMatchObject({ id: "a3", status: "streaming" });
  });
});
