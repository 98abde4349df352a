import type { ServerResponse } from "node:http";
import { StopStream, injectedError, type AgentError } from "./agent-error.js";
import type { ErrorEvent, SenseEvent } from "./events.js";
import { pyJson } from "./py-json.js";

/** Faults of one stream, from the control switches and the prompt's `[[sense-*]]` markers. */
export interface StreamFaults {
  dropAfter: number | null;
  malformedAfter: number | null;
  stallAfter: number | null;
  stallMs: number;
  errorAfter: number | null;
  errorCode: string;
}

export interface SinkDeps {
  /** Pause before an event, already scaled by the time factor and pacing knobs. */
  pauseMs(event: SenseEvent): number;
  sleep(ms: number): Promise<void>;
  faults: StreamFaults;
}

/**
 * Where the agent's events go. `emit` paces each event, plays the stream faults,
 * and throws StopStream once the client is gone (or a drop switch closed the
 * connection), so the agent stops working for nobody.
 */
export abstract class EventSink {
  readonly events: SenseEvent[] = [];
  private written = 0;
  private stalled = false;
  private malformedSent = false;
  private errorFired = false;

  constructor(protected readonly deps: SinkDeps) {}

  abstract get closed(): boolean;
  protected abstract write(event: SenseEvent): void;
  protected abstract writeMalformed(): void;
  protected abstract drop(): void;
  /** Ends the answer normally (SSE: `data: [DONE]`). */
  abstract end(): void;

  async emit(event: SenseEvent): Promise<void> {
    this.assertOpen();
    const pause = this.deps.pauseMs(event);
    if (pause > 0) await this.deps.sleep(pause);
    this.assertOpen();
    const faults = this.deps.faults;
    if (faults.errorAfter !== null && !this.errorFired && this.written >= faults.errorAfter) {
      this.errorFired = true;
      throw injectedError(faults.errorCode);
    }
    if (faults.dropAfter !== null && this.written >= faults.dropAfter) {
      this.drop();
      throw new StopStream();
    }
    if (faults.stallAfter !== null && !this.stalled && this.written >= faults.stallAfter) {
      this.stalled = true;
      await this.deps.sleep(faults.stallMs);
      this.assertOpen();
    }
    if (
      faults.malformedAfter !== null &&
      !this.malformedSent &&
      this.written >= faults.malformedAfter
    ) {
      this.malformedSent = true;
      this.writeMalformed();
    }
    this.events.push(event);
    this.write(event);
    this.written += 1;
  }

  /** The terminal `error` event: no pause, no faults. The caller then calls end(). */
  fail(error: AgentError): void {
    if (this.closed) return;
    const event: ErrorEvent = {
      type: "error",
      message: error.message,
      error_code: error.code,
      ...(error.details === undefined ? {} : { details: error.details }),
      ...error.extra,
    };
    this.events.push(event);
    this.write(event);
  }

  private assertOpen(): void {
    if (this.closed) throw new StopStream();
  }
}

export type SseFormat = "chunk" | "flat";

/**
 * Server-sent events, written (and so flushed) one at a time: `data: <json>\n\n`,
 * then `data: [DONE]\n\n`. "chunk" wraps each event in an OpenAI
 * `chat.completion.chunk` with the event in `eachlabs` (text goes to
 * `choices[0].delta.content` too); "flat" sends the event alone (legacy `/chat`, `/workflow`).
 */
export class SseSink extends EventSink {
  private gone = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly format: SseFormat,
    private readonly meta: { id: string; model: string },
    deps: SinkDeps,
    headers: Record<string, string> = {},
  ) {
    super(deps);
    res.on("close", () => {
      if (!res.writableEnded) this.gone = true;
    });
    res.socket?.setNoDelay(true);
    res.writeHead(200, {
      ...headers,
      "Content-Type": "text/event-stream",
      "Cache-Control": "no-cache",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    });
    res.flushHeaders();
  }

  get closed(): boolean {
    return this.gone || this.res.destroyed || this.res.writableEnded;
  }

  protected write(event: SenseEvent): void {
    this.res.write(`data: ${pyJson(this.format === "chunk" ? this.chunk(event) : event)}\n\n`);
  }

  protected writeMalformed(): void {
    // A chunk cut off mid-JSON, as a broken proxy would pass it on.
    const whole = pyJson(this.chunk({ type: "text_response", content: "" }));
    this.res.write(`data: ${whole.slice(0, Math.floor(whole.length / 2))}\n\n`);
  }

  protected drop(): void {
    this.gone = true;
    dropConnection(this.res);
  }

  end(): void {
    if (this.closed) return;
    this.res.end("data: [DONE]\n\n");
  }

  private chunk(event: SenseEvent): Record<string, unknown> {
    return {
      id: this.meta.id,
      object: "chat.completion.chunk",
      created: Math.floor(Date.now() / 1000),
      model: this.meta.model,
      choices: [
        {
          index: 0,
          delta: { content: event.type === "text_response" ? event.content : "" },
          finish_reason: null,
        },
      ],
      eachlabs: event,
    };
  }
}

/** Non-streaming: collects the events; the route turns them into one JSON answer. */
export class CollectSink extends EventSink {
  private gone = false;
  malformed = false;

  constructor(
    private readonly res: ServerResponse,
    deps: SinkDeps,
  ) {
    super(deps);
    res.on("close", () => {
      if (!res.writableEnded) this.gone = true;
    });
  }

  get closed(): boolean {
    return this.gone || this.res.destroyed;
  }

  protected write(): void {}

  protected writeMalformed(): void {
    this.malformed = true;
  }

  protected drop(): void {
    this.gone = true;
    dropConnection(this.res);
  }

  end(): void {}
}

/**
 * Closes the connection mid-response, after the events already written have
 * left (a destroy would discard them): the client sees a body cut short.
 */
function dropConnection(res: ServerResponse): void {
  const socket = res.socket;
  if (socket === null) {
    res.destroy();
    return;
  }
  socket.end();
  setTimeout(() => socket.destroy(), 1_000).unref();
}
