import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  chunkEvents,
  eventMediaUrls,
  parseChunk,
  parseSenseEvent,
  parseSseData,
  SENSE_EVENT_TYPES,
} from "@/lib/shared/sense-events";

const fixtures = path.resolve(import.meta.dirname, "../../simulator/fixtures");

/** The `data:` payloads of a recorded .sse file. */
function dataLines(file: string): string[] {
  return fs
    .readFileSync(path.join(fixtures, file), "utf8")
    .split("\n")
    .filter((line) => line.startsWith("data: "))
    .map((line) => line.slice("data: ".length));
}

describe("parseChunk over the recorded streams", () => {
  it.each(["sense-image-stream.sse", "sense-clarification-stream.sse"])(
    "reads every event of %s as a known event, and ends at [DONE]",
    (file) => {
      const lines = dataLines(file);
      expect(lines.at(-1)).toBe("[DONE]");
      const chunks = lines.slice(0, -1).map((line) => parseChunk(JSON.parse(line)));
      expect(chunks.length).toBeGreaterThan(2);
      for (const chunk of chunks) {
        expect(chunk.event).not.toBeNull();
        expect(chunk.event?.type).not.toBe("unknown");
        expect(SENSE_EVENT_TYPES).toContain(chunk.event?.type);
      }
      expect(chunks.at(-1)?.event?.type).toBe("complete");
      expect(parseSseData("[DONE]")).toEqual({ kind: "done" });
    },
  );

  it("gives the image stream's text, generation and plan of events in order", () => {
    const chunks = dataLines("sense-image-stream.sse")
      .slice(0, -1)
      .map((line) => parseChunk(JSON.parse(line)));
    expect(chunks.map((chunk) => chunk.event?.type)).toEqual([
      "thinking_delta",
      "thinking_delta",
      "status",
      "status",
      "progress",
      "text_response",
      "generation_response",
      "complete",
    ]);
    expect(chunks.map((chunk) => chunk.text).join("")).toBe(
      "Here is your cinematic sunset landscape.",
    );
    const generation = chunks[6]?.event;
    expect(generation?.type === "generation_response" && generation.model).toBe("flux-2-max");
    expect(generation && eventMediaUrls(generation)).toEqual(["https://cdn.example.com/image.png"]);
  });

  it("reads the clarification's question and options", () => {
    const event = parseChunk(
      JSON.parse(dataLines("sense-clarification-stream.sse")[1] ?? ""),
    ).event;
    expect(event).toMatchObject({
      type: "clarification_needed",
      question: "Should this be an image or a short video?",
      options: ["Image (16:9)", "5-second video"],
    });
  });
});

describe("lenient parsing", () => {
  it("keeps extra fields of a known event", () => {
    const event = parseSenseEvent({ type: "progress", percent: 40, message: "x", eta_s: 3 });
    expect(event).toEqual({ type: "progress", percent: 40, message: "x", eta_s: 3 });
  });

  it("keeps an event of a type it does not know, without throwing", () => {
    const original = { type: "video_preview", frame: 3 };
    expect(parseSenseEvent(original)).toEqual({
      type: "unknown",
      reason: "unknown_type",
      original,
    });
    expect(parseSenseEvent("nonsense")).toMatchObject({ type: "unknown", reason: "unknown_type" });
    expect(parseSenseEvent(null)).toMatchObject({ type: "unknown" });
  });

  it("keeps a known type with unreadable fields as unknown (invalid)", () => {
    const original = { type: "thinking_delta", content: 42 };
    expect(parseSenseEvent(original)).toEqual({ type: "unknown", reason: "invalid", original });
  });

  it("turns a chunk that is not JSON into a malformed note instead of an exception", () => {
    const cut = '{"id": "chatcmpl-1", "object": "chat.completion.chunk", "choices": [{"ind';
    expect(parseSseData(cut)).toEqual({
      kind: "events",
      events: [{ type: "unknown", reason: "malformed", original: cut }],
    });
    const huge = `{${"x".repeat(10_000)}`;
    const note = parseSseData(huge);
    expect(
      note.kind === "events" && (note.events[0] as { original: string }).original,
    ).toHaveLength(2_000);
  });

  it("reads flat events (legacy /chat) and plain OpenAI text chunks", () => {
    expect(parseChunk({ type: "status", message: "Searching" }).event).toMatchObject({
      type: "status",
    });
    const plain = parseChunk({ choices: [{ index: 0, delta: { content: "Hi" } }] });
    expect(plain).toEqual({ event: null, text: "Hi" });
    expect(chunkEvents(plain)).toEqual([{ type: "text_response", content: "Hi" }]);
    expect(chunkEvents({ event: null, text: "" })).toEqual([]);
    expect(parseChunk(null)).toEqual({ event: null, text: "" });
  });

  it("sends delta text that came with another event as a text event of its own", () => {
    const chunk = parseChunk({
      choices: [{ delta: { content: "Done." } }],
      eachlabs: { type: "status", message: "Finishing" },
    });
    expect(chunkEvents(chunk).map((event) => event.type)).toEqual(["status", "text_response"]);
  });

  it("lists each media URL of a generation once", () => {
    const event = parseSenseEvent({
      type: "generation_response",
      url: "https://x/a.png",
      generations: ["https://x/a.png", "https://x/b.png"],
    });
    expect(eventMediaUrls(event)).toEqual(["https://x/a.png", "https://x/b.png"]);
  });
});
