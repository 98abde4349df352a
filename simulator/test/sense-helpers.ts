import { KEY, type TestSimulator } from "./helpers.js";

/** What a sense stream delivered: the raw text, each `data:` payload, and the parsed chunks. */
export interface SenseStream {
  response: Response;
  raw: string;
  /** Every `data:` payload in order, `[DONE]` included. */
  datas: string[];
  /** Parsed chunks (payloads that were JSON). */
  chunks: Chunk[];
  /** The `eachlabs` events (or the flat events of `/chat` and `/workflow`). */
  events: SenseEvent[];
  done: boolean;
  /** The stream ended with a network error (dropped connection). */
  broken: boolean;
  /** Milliseconds since the request when each `data:` payload arrived. */
  times: number[];
}

export interface Chunk {
  id: string;
  object: string;
  created: number;
  model: string;
  choices: { index: number; delta: { content?: string }; finish_reason: string | null }[];
  eachlabs: SenseEvent;
}

export type SenseEvent = { type: string } & Record<string, unknown>;

export interface SenseInit {
  key?: string | null;
  auth?: "x-api-key" | "bearer";
  headers?: Record<string, string>;
  path?: string;
  signal?: AbortSignal;
}

/** POSTs a streaming request and reads the whole stream, event by event as it arrives. */
export async function senseStream(
  sim: TestSimulator,
  body: Record<string, unknown>,
  init: SenseInit = {},
): Promise<SenseStream> {
  const started = Date.now();
  const path = init.path ?? "/sense/v1/chat/completions";
  const response = await sim.call(path, {
    method: "POST",
    json: { stream: true, ...body },
    key: init.key === undefined ? KEY : init.key,
    auth: init.auth,
    headers: init.headers,
    signal: init.signal,
  });
  const result: SenseStream = {
    response,
    raw: "",
    datas: [],
    chunks: [],
    events: [],
    done: false,
    broken: false,
    times: [],
  };
  if (response.body === null) return result;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const flat = path !== "/sense/v1/chat/completions";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const text = decoder.decode(value, { stream: true });
      result.raw += text;
      buffer += text;
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        for (const line of block.split("\n")) {
          if (!line.startsWith("data: ")) continue;
          const data = line.slice(6);
          result.datas.push(data);
          result.times.push(Date.now() - started);
          if (data === "[DONE]") {
            result.done = true;
            continue;
          }
          try {
            const parsed = JSON.parse(data) as Record<string, unknown>;
            if (flat) {
              result.events.push(parsed as SenseEvent);
            } else {
              result.chunks.push(parsed as unknown as Chunk);
              result.events.push((parsed as unknown as Chunk).eachlabs);
            }
          } catch {
            // malformed chunk: kept in datas only
          }
        }
        end = buffer.indexOf("\n\n");
      }
    }
  } catch {
    result.broken = true;
  }
  return result;
}

/** POSTs a non-streaming request and returns status and JSON body. */
export async function senseJson(
  sim: TestSimulator,
  body: Record<string, unknown>,
  init: SenseInit = {},
): Promise<{ response: Response; status: number; body: Record<string, unknown> }> {
  const response = await sim.call(init.path ?? "/sense/v1/chat/completions", {
    method: "POST",
    json: { stream: false, ...body },
    key: init.key === undefined ? KEY : init.key,
    auth: init.auth,
    headers: init.headers,
  });
  const text = await response.text();
  return { response, status: response.status, body: JSON.parse(text) as Record<string, unknown> };
}

export function user(content: string): { role: "user"; content: string }[] {
  return [{ role: "user", content }];
}

export function types(stream: SenseStream): string[] {
  return stream.events.map((event) => event.type);
}

export function eventOf(stream: SenseStream, type: string): SenseEvent {
  const event = stream.events.find((candidate) => candidate.type === type);
  if (event === undefined)
    throw new Error(`no ${type} event in stream: ${types(stream).join(", ")}`);
  return event;
}

export function eventsOf(stream: SenseStream, type: string): SenseEvent[] {
  return stream.events.filter((candidate) => candidate.type === type);
}

/** The last prediction the simulator ran (newest first in the control listing). */
export async function lastPrediction(
  sim: TestSimulator,
): Promise<{ model: string; input: Record<string, unknown>; status: string }> {
  const listing = (await (await sim.call("/__simulator/predictions", { key: null })).json()) as {
    predictions: { model: string; input: Record<string, unknown>; status: string }[];
  };
  const latest = listing.predictions[0];
  if (latest === undefined) throw new Error("no prediction yet");
  return latest;
}

export async function predictionCount(sim: TestSimulator): Promise<number> {
  const listing = (await (await sim.call("/__simulator/predictions", { key: null })).json()) as {
    predictions: unknown[];
  };
  return listing.predictions.length;
}
