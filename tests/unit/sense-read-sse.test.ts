import { describe, expect, it } from "vitest";
import { readUpstreamSse } from "@/lib/sense/read-sse";

const encoder = new TextEncoder();

/** A body that sends each piece after its delay (ms), then ends (or stays open). */
function body(pieces: [number, string][], options: { end?: boolean; fail?: boolean } = {}) {
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      for (const [delay, text] of pieces) {
        await new Promise((resolve) => setTimeout(resolve, delay));
        controller.enqueue(encoder.encode(text));
      }
      if (options.fail) controller.error(new TypeError("terminated"));
      else if (options.end !== false) controller.close();
    },
  });
}

async function read(
  stream: ReadableStream<Uint8Array>,
  idleMs = 1_000,
  controller = new AbortController(),
) {
  const data: string[] = [];
  const end = await readUpstreamSse(stream, { idleMs, controller, onData: (d) => data.push(d) });
  return { end, data };
}

describe("reading an upstream SSE body", () => {
  it("passes each message on as it completes, even split across reads, and stops at [DONE]", async () => {
    const { end, data } = await read(
      body([
        [0, 'data: {"a"'],
        [5, ": 1}\n\nda"],
        [5, "ta: two\n\n: a comment\n\ndata: [DONE]\n\n"],
        [5, "data: after\n\n"],
      ]),
    );
    expect(end.kind).toBe("done");
    expect(data).toEqual(['{"a": 1}', "two"]);
  });

  it("ends as dropped when the body ends without [DONE], or breaks", async () => {
    expect((await read(body([[0, "data: one\n\n"]]))).end.kind).toBe("dropped");
    const broken = await read(body([[0, "data: one\n\n"]], { fail: true }));
    expect(broken.end.kind).toBe("dropped");
    expect(broken.data).toEqual(["one"]);
  });

  it("ends as stalled after the idle timeout, counting from the last byte", async () => {
    const started = Date.now();
    const { end, data } = await read(
      body(
        [
          [0, "data: one\n\n"],
          [150, "data: two\n\n"],
          [150, "data: three\n\n"],
        ],
        { end: false },
      ),
      250,
    );
    expect(end).toEqual({ kind: "stalled", idleMs: 250 });
    expect(data).toEqual(["one", "two", "three"]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
  });

  it("ends with the abort's reason", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort("stopped"), 50);
    const { end } = await read(body([[0, "data: one\n\n"]], { end: false }), 5_000, controller);
    expect(end.kind).toBe("stopped");
  });
});
