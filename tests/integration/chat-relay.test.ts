// The each::sense relay against the real simulator process and a real (embedded) database:
// every event reaches our consumer as it arrives and is persisted, media land in the gallery,
// and every way a stream can end (complete, error event, drop, garbage, stall, stop, refusal)
// leaves the message in a truthful final state with what arrived.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Db from "@/lib/db";
import type * as Turn from "@/lib/sense/chat-turn";
import type * as Media from "@/lib/sense/chat-media";
import type * as Conversations from "@/lib/sense/conversations";
import type * as Sse from "@/lib/sense/sse-response";
import type * as Stale from "@/lib/sense/stale-streams";
import type * as Stop from "@/lib/sense/stop-stream";
import type { SenseEvent } from "@/lib/shared/sense-events";
import type { ChatStreamMessage } from "@/lib/shared/sense-types";
import { SIMULATOR_API_KEY as KEY } from "@/lib/config/env-schema";
import { startServerEnvironment, type ServerEnvironment } from "../support/server-environment";

let server: ServerEnvironment;
let dataDir = "";
let simulatorUrl = "";

// Imported after the environment is set (the modules read it once).
type Lib = {
  db: typeof Db.db;
  startChatTurn: typeof Turn.startChatTurn;
  ChatTurnError: typeof Turn.ChatTurnError;
  saveChatMedia: typeof Media.saveChatMedia;
  finishPendingChatMedia: typeof Media.finishPendingChatMedia;
  conversations: typeof Conversations;
  chatTurnResponse: typeof Sse.chatTurnResponse;
  markStaleStreamsInterrupted: typeof Stale.markStaleStreamsInterrupted;
  stopConversationStreams: typeof Stop.stopConversationStreams;
};
let lib: Lib;
let userId = "";

beforeAll(async () => {
  server = await startServerEnvironment({ simulatorArgs: ["--time-factor", "0.1"] });
  ({ dataDir, simulatorUrl } = server);
  const turn = await import("@/lib/sense/chat-turn");
  const media = await import("@/lib/sense/chat-media");
  lib = {
    db: (await import("@/lib/db")).db,
    startChatTurn: turn.startChatTurn,
    ChatTurnError: turn.ChatTurnError,
    saveChatMedia: media.saveChatMedia,
    finishPendingChatMedia: media.finishPendingChatMedia,
    conversations: await import("@/lib/sense/conversations"),
    chatTurnResponse: (await import("@/lib/sense/sse-response")).chatTurnResponse,
    markStaleStreamsInterrupted: (await import("@/lib/sense/stale-streams"))
      .markStaleStreamsInterrupted,
    stopConversationStreams: (await import("@/lib/sense/stop-stream")).stopConversationStreams,
  };
  userId = (
    await lib.db().user.create({ data: { email: "chat@example.test" }, select: { id: true } })
  ).id;
}, 60_000);

afterAll(async () => {
  await lib?.db().$disconnect();
  await server?.stop();
});

async function control(body: unknown) {
  const response = await fetch(`${simulatorUrl}/__simulator/config`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

async function newConversation(behavior: "agent" | "plan" | "ask" = "agent") {
  return (
    await lib.conversations.createConversation(userId, {
      mode: "max",
      behavior,
      webSearch: false,
    })
  ).id;
}

type Received = { at: number; message: ChatStreamMessage };

/** Sends a message and collects what the relay emits, with the time each one arrived. */
async function send(
  conversationId: string,
  content: string,
  options: {
    idleTimeoutMs?: number;
    signal?: AbortSignal;
    onMessage?: (message: ChatStreamMessage) => void;
  } = {},
) {
  const turn = await lib.startChatTurn({
    userId,
    conversationId,
    content,
    imageUrls: [],
    idleTimeoutMs: options.idleTimeoutMs,
    signal: options.signal,
  });
  const received: Received[] = [];
  const state = await turn.run((message) => {
    received.push({ at: performance.now(), message });
    options.onMessage?.(message);
  });
  const events = received.flatMap(({ message }) =>
    message.type === "event" ? [message.event] : [],
  );
  const done = received.at(-1)?.message;
  const row = await lib.db().message.findUniqueOrThrow({ where: { id: turn.messageId } });
  return { turn, received, events, state, done, row };
}

const types = (events: SenseEvent[]) => events.map((event) => event.type);

describe("an image request", () => {
  it("streams thinking → steps → media → complete, and the image lands in the gallery", async () => {
    const conversationId = await newConversation();
    const prompt = "Generate a cinematic sunset landscape in 16:9";
    const { turn, received, events, done, row } = await send(conversationId, prompt);

    expect(received[0]?.message).toEqual({
      type: "message",
      conversationId,
      userMessageId: turn.userMessageId,
      messageId: turn.messageId,
    });
    expect(types(events)[0]).toBe("thinking_delta");
    expect(types(events)).toEqual(
      expect.arrayContaining(["status", "tool_call", "progress", "text_response"]),
    );
    expect(types(events).slice(-2)).toEqual(["generation_response", "complete"]);
    expect(
      received
        .filter(({ message }) => message.type === "event")
        .map(({ message }) => (message.type === "event" ? message.seq : -1)),
    ).toEqual(events.map((_, index) => index));
    expect(done).toEqual({ type: "done", status: "complete" });

    // Persisted as it passed: the same events, the text, the media URL.
    expect(row.status).toBe("complete");
    expect(row.events).toEqual(JSON.parse(JSON.stringify(events)));
    expect(row.content.length).toBeGreaterThan(0);
    const generation = events.find((event) => event.type === "generation_response");
    const url = generation?.type === "generation_response" ? generation.url : undefined;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/media\//);
    expect(row.generations).toEqual([url]);

    await turn.settled;
    const assets = await lib.db().asset.findMany({ where: { userId, sourceUrl: url } });
    expect(assets).toHaveLength(1);
    const asset = assets[0]!;
    expect(asset).toMatchObject({
      source: "chat",
      kind: "image",
      contentType: "image/png",
      modelSlug: "flux-2-max",
      prompt,
      runId: null,
      inputs: { conversationId, messageId: turn.messageId, mode: "max", behavior: "agent" },
    });
    const file = path.join(dataDir, "media", asset.storageKey.slice(0, 2), asset.storageKey);
    expect(fs.readFileSync(file).subarray(1, 4).toString()).toBe("PNG");

    // Copying again (the relay, the sweeper, a second instance) makes no second asset.
    await lib.saveChatMedia(turn.messageId);
    await lib.finishPendingChatMedia(Date.now() + 60_000);
    expect(await lib.db().asset.count({ where: { userId, sourceUrl: url } })).toBe(1);

    // A reload rebuilds everything from the conversation.
    const view = await lib.conversations.getConversation(userId, conversationId);
    expect(view.title).toBe(prompt);
    expect(view.messages.map((message) => [message.role, message.status])).toEqual([
      ["user", "complete"],
      ["assistant", "complete"],
    ]);
    expect(view.messages[0]?.content).toBe(prompt);
    const assistant = view.messages[1]!;
    expect(assistant.events).toEqual(JSON.parse(JSON.stringify(events)));
    expect(assistant.media).toEqual([
      {
        url,
        position: 0,
        state: "saved",
        asset: {
          id: asset.id,
          kind: "image",
          contentType: "image/png",
          fileUrl: `/api/assets/${asset.id}/file`,
        },
      },
    ]);
  });

  it("passes each event on before the next one leaves each::sense, and persists as it goes", async () => {
    const conversationId = await newConversation();
    let midway: Promise<{ status: string; events: number }> | undefined;
    const { received, events, row } = await send(
      conversationId,
      "Generate a photo of a red fox in the snow [[sense-slow]]",
      {
        onMessage: (message) => {
          // While the stream is still going, the database already has what passed.
          if (message.type === "event" && message.event.type === "status" && !midway)
            midway = new Promise((resolve) =>
              setTimeout(async () => {
                const now = await lib.db().message.findFirstOrThrow({
                  where: { conversationId, role: "assistant" },
                });
                resolve({ status: now.status, events: (now.events as unknown[]).length });
              }, 250),
            );
        },
      },
    );
    expect(row.status).toBe("complete");
    const stream = received.filter(({ message }) => message.type === "event");
    // each::sense pauses 300 ms before every status event with [[sense-slow]] (at this time
    // factor): had the relay buffered, the event before it would arrive together with it.
    const gaps: number[] = [];
    stream.forEach((item, index) => {
      const next = stream[index + 1];
      if (next?.message.type === "event" && next.message.event.type === "status")
        gaps.push(next.at - item.at);
    });
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    for (const gap of gaps) expect(gap).toBeGreaterThan(200);
    expect(stream.at(-1)!.at - stream[0]!.at).toBeGreaterThan(1_500);

    const seen = await midway;
    expect(seen?.status).toBe("streaming");
    expect(seen?.events).toBeGreaterThan(0);
    expect(seen?.events).toBeLessThan(events.length);
  });

  it("goes on in the same each::sense session: a follow-up works on the last image", async () => {
    const conversationId = await newConversation();
    const first = await send(conversationId, "Generate a photo of a red barn");
    expect(first.row.status).toBe("complete");
    const second = await send(conversationId, "make it wider");
    expect(second.row.status).toBe("complete");
    expect(types(second.events)).toContain("generation_response");
    const generations = second.row.generations as string[];
    expect(generations).toHaveLength(1);
    expect(generations[0]).not.toBe((first.row.generations as string[])[0]);
    const toolCall = second.events.find((event) => event.type === "tool_call");
    expect(JSON.stringify(toolCall)).toContain("4:3");

    const conversation = await lib.db().conversation.findUniqueOrThrow({
      where: { id: conversationId },
    });
    const memory = await fetch(
      `${simulatorUrl}/sense/memory?session_id=${conversation.upstreamSessionId}`,
      { headers: { "X-API-Key": KEY } },
    ).then((response) => response.json());
    expect(memory.total_exchanges).toBe(2);
    await Promise.all([first.turn.settled, second.turn.settled]);
  });

  it("answers the browser with unbuffered SSE: our headers, one data line per message", async () => {
    const conversationId = await newConversation();
    const turn = await lib.startChatTurn({
      userId,
      conversationId,
      content: "What is a good name for a cat?",
      imageUrls: [],
    });
    const response = lib.chatTurnResponse(turn);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
      connection: "keep-alive",
    });
    const text = await response.text();
    const blocks = text.split("\n\n").filter(Boolean);
    const messages = blocks.map((block) => {
      expect(block.startsWith("data: ")).toBe(true);
      return JSON.parse(block.slice("data: ".length)) as ChatStreamMessage;
    });
    expect(messages[0]?.type).toBe("message");
    expect(messages.at(-1)).toEqual({ type: "done", status: "complete" });
    expect(messages.filter((message) => message.type === "event").length).toBeGreaterThan(5);
  });
});

describe("streams that go wrong", () => {
  it("a dropped connection leaves the message interrupted with the text so far", async () => {
    const { events, done, row, state } = await send(
      await newConversation(),
      "What is a good name for a cat? [[sense-drop:8]]",
    );
    expect(events).toHaveLength(8);
    expect(types(events)).toContain("text_response");
    expect(done).toMatchObject({
      type: "done",
      status: "interrupted",
      reason: "dropped",
      error: { code: "interrupted:dropped" },
    });
    expect(row.status).toBe("interrupted");
    expect(row.content).toBe(state.content);
    expect(row.content.length).toBeGreaterThan(0);
    expect((row.events as unknown[]).length).toBe(8);
    expect(row.error).toMatchObject({ code: "interrupted:dropped" });
  });

  it("an error event fails the message with each::sense's code and message", async () => {
    const { done, row } = await send(
      await newConversation(),
      "What is a good name for a cat? [[sense-error:TIMEOUT]]",
    );
    expect(done).toMatchObject({ type: "done", status: "failed", error: { code: "TIMEOUT" } });
    expect(row.status).toBe("failed");
    expect(row.error).toMatchObject({ code: "TIMEOUT" });
    expect((row.error as { message: string }).message.length).toBeGreaterThan(0);
    expect((row.events as { type: string }[]).at(-1)?.type).toBe("error");
  });

  it("a chunk that is not JSON is noted, and the stream goes on to the end", async () => {
    const clean = await send(await newConversation(), "What is a good name for a cat?");
    const { events, done, row } = await send(
      await newConversation(),
      "What is a good name for a cat? [[sense-malformed:5]]",
    );
    expect(done).toEqual({ type: "done", status: "complete" });
    expect(events[5]).toMatchObject({ type: "unknown", reason: "malformed" });
    expect(events.filter((event) => event.type === "unknown")).toHaveLength(1);
    expect(types(events).at(-1)).toBe("complete");
    expect(row.status).toBe("complete");
    expect(row.content).toBe(clean.row.content);
  });

  it("silence past the idle timeout interrupts the message and lets go of upstream", async () => {
    const started = Date.now();
    const { events, done, row } = await send(
      await newConversation(),
      "What is a good name for a cat? [[sense-stall:5000]]",
      { idleTimeoutMs: 600 },
    );
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(events).toHaveLength(2);
    expect(done).toMatchObject({
      type: "done",
      status: "interrupted",
      reason: "stalled",
      error: { code: "interrupted:stalled" },
    });
    expect(row.status).toBe("interrupted");
  });
});

describe("stopping", () => {
  it("the browser going away aborts upstream and keeps what arrived as stopped", async () => {
    const conversationId = await newConversation();
    const browser = new AbortController();
    const prompt = "Generate a photo of a stopped clock tower [[sense-slow]]";
    const { done, row, events } = await send(conversationId, prompt, {
      signal: browser.signal,
      onMessage: (message) => {
        if (message.type === "event" && message.seq === 1) browser.abort();
      },
    });
    expect(done).toMatchObject({ type: "done", status: "stopped", reason: "client_gone" });
    expect(row.status).toBe("stopped");
    expect(events).toHaveLength(2);
    expect((row.events as unknown[]).length).toBe(2);

    // Upstream stopped working for nobody: without the abort the agent would have started
    // the model within about a second and a half.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const predictions = await fetch(`${simulatorUrl}/__simulator/predictions`).then((r) =>
      r.json(),
    );
    const list = (predictions.predictions ?? predictions) as { input?: { prompt?: string } }[];
    expect(list.some((p) => p.input?.prompt?.toLowerCase().includes("clock tower"))).toBe(false);
  });

  it("the stop endpoint aborts a stream of this process at once", async () => {
    const conversationId = await newConversation();
    let stopping: ReturnType<typeof lib.stopConversationStreams> | undefined;
    const { done, row } = await send(
      conversationId,
      "Generate a photo of a lantern [[sense-slow]]",
      {
        onMessage: (message) => {
          if (message.type === "event" && message.seq === 1 && !stopping)
            stopping = lib.stopConversationStreams(userId, conversationId);
        },
      },
    );
    expect(done).toMatchObject({ type: "done", status: "stopped", reason: "stopped" });
    expect(row.status).toBe("stopped");
    expect(row.stopRequestedAt).not.toBeNull();
    expect(await stopping).toEqual([{ id: row.id, status: "stopped" }]);
  });

  it("a stop recorded by another instance reaches the relay through the database", async () => {
    const conversationId = await newConversation();
    let flagged = false;
    const started = Date.now();
    const { done, row } = await send(
      conversationId,
      "What is a good name for a cat? [[sense-stall:8000]]",
      {
        idleTimeoutMs: 30_000,
        onMessage: (message) => {
          if (message.type === "event" && message.seq === 1 && !flagged) {
            flagged = true;
            // What stopConversationStreams does for a stream it cannot find in its process,
            // once upstream has gone quiet: only the relay's heartbeat can notice it.
            // (A Prisma query runs only once awaited or then'd.)
            setTimeout(() => {
              void lib
                .db()
                .message.updateMany({
                  where: { conversationId, role: "assistant", status: "streaming" },
                  data: { stopRequestedAt: new Date(), status: "stopped" },
                })
                .then(() => undefined);
            }, 500);
          }
        },
      },
    );
    // Within a heartbeat (2 s) of the flag, long before the 8 s silence would have ended.
    expect(Date.now() - started).toBeLessThan(3_500);
    expect(done).toMatchObject({ type: "done", status: "stopped" });
    expect(row.status).toBe("stopped");
    expect((row.events as unknown[]).length).toBe(2);
  });
});

describe("refusals before the stream", () => {
  it("a refused key answers our 401 error and marks the answer failed; the question stays", async () => {
    const conversationId = await newConversation();
    await control({ keys: ["someone-else"] });
    try {
      const error = await lib
        .startChatTurn({ userId, conversationId, content: "Draw a kite", imageUrls: [] })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(lib.ChatTurnError);
      const refused = error as InstanceType<typeof lib.ChatTurnError>;
      expect(refused.status).toBe(401);
      expect(refused.code).toBe("unauthorized:api_key");
      const body = refused.toBody();
      expect(body.error.message).toMatch(/Settings/);
      expect(body.messageId).toBe(refused.ids.messageId);
      const messages = await lib.db().message.findMany({
        where: { conversationId },
        orderBy: { createdAt: "asc" },
      });
      expect(messages.map((m) => [m.role, m.status, m.content])).toEqual([
        ["user", "complete", "Draw a kite"],
        ["assistant", "failed", ""],
      ]);
      expect(messages[1]?.error).toMatchObject({ code: "unauthorized:api_key" });
    } finally {
      await control({ keys: [KEY] });
    }
  });

  it("a rate limit says when to try again", async () => {
    const conversationId = await newConversation();
    await control({ next: { status: 429, path: "/sense/v1/chat/completions", retryAfter: 3 } });
    const error = await lib
      .startChatTurn({ userId, conversationId, content: "Draw a kite", imageUrls: [] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(lib.ChatTurnError);
    const refused = error as InstanceType<typeof lib.ChatTurnError>;
    expect(refused.status).toBe(429);
    expect(refused.extra.retryAfter).toBe(3);
    const answer = await lib.db().message.findFirstOrThrow({
      where: { conversationId, role: "assistant" },
    });
    expect(answer.error).toMatchObject({ code: "rate_limited:chat", retryAfter: 3 });
  });

  it("an answer that is not a stream fails the message instead of hanging", async () => {
    const conversationId = await newConversation();
    await control({ next: { fault: "malformed", path: "/sense/v1/chat/completions" } });
    const error = await lib
      .startChatTurn({ userId, conversationId, content: "Draw a kite", imageUrls: [] })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "upstream:chat" });
    const answer = await lib.db().message.findFirstOrThrow({
      where: { conversationId, role: "assistant" },
    });
    expect(answer.status).toBe("failed");
  });

  it("a second message while one is still streaming is refused, and nothing is written", async () => {
    const conversationId = await newConversation();
    const first = await lib.startChatTurn({
      userId,
      conversationId,
      content: "Generate a photo of a slow snail [[sense-slow]]",
      imageUrls: [],
    });
    const running = first.run(() => undefined);
    await expect(
      lib.startChatTurn({ userId, conversationId, content: "and another", imageUrls: [] }),
    ).rejects.toMatchObject({ code: "conflict:chat", status: 409 });
    first.abort("stopped");
    expect((await running).status).toBe("stopped");
    expect(await lib.db().message.count({ where: { conversationId } })).toBe(2);
  });
});

describe("conversations", () => {
  it("list newest activity first, rename, clear memory with a note, delete with upstream", async () => {
    const older = await newConversation();
    const newer = await newConversation();
    await send(older, "What is a good name for a cat?");
    const list = await lib.conversations.listConversations(userId, { limit: 100 });
    expect(list[0]?.id).toBe(older);
    expect(list.findIndex((c) => c.id === newer)).toBeGreaterThan(0);

    const renamed = await lib.conversations.updateConversation(userId, older, { title: "Cats" });
    expect(renamed.title).toBe("Cats");
    await expect(
      lib.conversations.updateConversation("someone-else", older, { title: "x" }),
    ).rejects.toMatchObject({ code: "not_found:conversation" });

    const { upstreamSessionId } = await lib.db().conversation.findUniqueOrThrow({
      where: { id: older },
    });
    const memory = () =>
      fetch(`${simulatorUrl}/sense/memory?session_id=${upstreamSessionId}`, {
        headers: { "X-API-Key": KEY },
      });
    expect((await (await memory()).json()).total_exchanges).toBe(1);
    const note = await lib.conversations.clearConversationMemory(userId, older);
    expect(note).toMatchObject({ role: "system", status: "complete" });
    const afterClear = await memory();
    expect(afterClear.status === 404 || (await afterClear.json()).total_exchanges === 0).toBe(true);
    const view = await lib.conversations.getConversation(userId, older);
    expect(view.messages.map((m) => m.role)).toEqual(["user", "assistant", "system"]);

    await send(older, "What is a good name for a dog?");
    const deleted = await lib.conversations.deleteConversation(userId, older);
    await lib.conversations.forgetUpstreamSession(userId, deleted.upstreamSessionId);
    expect((await memory()).status).toBe(404);
    await expect(lib.conversations.getConversation(userId, older)).rejects.toMatchObject({
      code: "not_found:conversation",
    });
    expect(await lib.db().message.count({ where: { conversationId: older } })).toBe(0);
  });

  it("a stream whose server died is marked interrupted by the sweeper, not a live one", async () => {
    const conversationId = await newConversation();
    const message = await lib.db().message.create({
      data: { conversationId, role: "assistant", status: "streaming", content: "Half" },
    });
    await lib.db().message.update({
      where: { id: message.id },
      data: { updatedAt: new Date(Date.now() - 120_000) },
    });
    expect(await lib.markStaleStreamsInterrupted(Date.now(), 60_000)).toBeGreaterThanOrEqual(1);
    const row = await lib.db().message.findUniqueOrThrow({ where: { id: message.id } });
    expect(row.status).toBe("interrupted");
    expect(row.content).toBe("Half");
    expect(row.error).toMatchObject({ code: "interrupted:restart" });
  });
});
