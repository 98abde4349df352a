import { describe, expect, it } from "vitest";
import type { ChatStreamMessage } from "@/lib/shared/sense-types";
import { createSseParser } from "./sse-parser";
import { parseStreamMessage, readChatStream } from "./stream-message";

function feed(chunks: string[], end = true): string[] {
  const seen: string[] = [];
  const parser = createSseParser((data) => seen.push(data));
  for (const chunk of chunks) parser.push(chunk);
  if (end) parser.end();
  return seen;
}

describe("the SSE parser", () => {
  it("reads a message split anywhere across chunks, even inside a \\r\\n", () => {
    const text = 'data: {"type":"event","seq":0}\r\n\r\n';
    for (let cut = 1; cut < text.length; cut++) {
      expect(feed([text.slice(0, cut), text.slice(cut)])).toEqual(['{"type":"event","seq":0}']);
    }
  });

  it("reads several messages that arrive in one chunk, in order", () => {
    expect(feed(["data: one\n\ndata: two\n\ndata: three\n\n"])).toEqual(["one", "two", "three"]);
  });

  it("skips keep-alive comments, also between the lines of a message", () => {
    expect(feed([": keep-alive\n\n", "data: a\n: ping\n", "\n", ": keep-alive\n\n"])).toEqual([
      "a",
    ]);
  });

  it("joins several data lines with a newline and takes data without a space", () => {
    expect(feed(["data: first\ndata:second\n\n"])).toEqual(["first\nsecond"]);
  });

  it("ignores fields other than data, and blank lines with no data", () => {
    expect(feed(["event: update\nid: 4\nretry: 10\n\n\n\ndata: x\n\n"])).toEqual(["x"]);
  });

  it("drops a message the body ended before finishing", () => {
    expect(feed(["data: complete\n\ndata: cut"])).toEqual(["complete"]);
  });

  it("accepts lone \\r line ends, also at the end of the body", () => {
    expect(feed(["data: a\r\rdata: b\r", "\r"])).toEqual(["a", "b"]);
  });
});

describe("the relay's messages", () => {
  it("reads the ids, an event and the end", () => {
    expect(
      parseStreamMessage(
        JSON.stringify({
          type: "message",
          conversationId: "c",
          userMessageId: "u",
          messageId: "m",
        }),
      ),
    ).toEqual({ type: "message", conversationId: "c", userMessageId: "u", messageId: "m" });
    expect(
      parseStreamMessage(
        JSON.stringify({ type: "event", seq: 3, event: { type: "text_response", content: "Hi" } }),
      ),
    ).toEqual({ type: "event", seq: 3, event: { type: "text_response", content: "Hi" } });
    expect(
      parseStreamMessage(
        JSON.stringify({
          type: "done",
          status: "failed",
          error: { code: "RATE_LIMITED", message: "Slow down", retryAfter: 30 },
        }),
      ),
    ).toEqual({
      type: "done",
      status: "failed",
      error: { code: "RATE_LIMITED", message: "Slow down", retryAfter: 30 },
    });
  });

  it("turns an event it cannot read into an unknown one, and skips lines that are not messages", () => {
    expect(
      parseStreamMessage(JSON.stringify({ type: "event", seq: 0, event: { type: "hologram" } })),
    ).toEqual({
      type: "event",
      seq: 0,
      event: { type: "unknown", reason: "unknown_type", original: { type: "hologram" } },
    });
    expect(parseStreamMessage("{not json")).toBeNull();
    expect(parseStreamMessage(JSON.stringify({ type: "done", status: "exploded" }))).toBeNull();
    expect(parseStreamMessage(JSON.stringify([1, 2]))).toBeNull();
  });

  it("reads a body chunk by chunk, as the bytes arrive", async () => {
    const lines = [
      ': keep-alive\n\ndata: {"type":"message","conversationId":"c","userMessageId":"u","messageId":"m"}\n\nda',
      'ta: {"type":"event","seq":0,"event":{"type":"thinking_delta","content":"Hmm"}}\n',
      'data: {"type":"done","status":"complete"}\n\n',
    ];
    const encoder = new TextEncoder();
    // A multi-byte character split between chunks must survive too.
    const bytes = lines.map((line) => encoder.encode(line));
    const euro = encoder.encode(
      'data: {"type":"event","seq":1,"event":{"type":"text_response","content":"€"}}\n\n',
    );
    const split = euro.indexOf(0xe2) + 1; // inside the three bytes of "€"
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes[0]!);
        controller.enqueue(bytes[1]!);
        controller.enqueue(encoder.encode("\n"));
        controller.enqueue(euro.slice(0, split));
        controller.enqueue(euro.slice(split));
        controller.enqueue(bytes[2]!);
        controller.close();
      },
    });
    const seen: ChatStreamMessage[] = [];
    await readChatStream(body, (message) => seen.push(message));
    expect(seen.map((message) => message.type)).toEqual(["message", "event", "event", "done"]);
    expect(seen[2]).toEqual({
      type: "event",
      seq: 1,
      event: { type: "text_response", content: "€" },
    });
  });
});
