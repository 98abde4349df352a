import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate, presentedKey } from "../api/auth.js";
import { rateLimitHeaders, retryAfterSeconds } from "../api/rate-limiter.js";
import type { SimulatorContext } from "../context.js";
import { runFault, type Fault } from "../http/faults.js";
import { takeNextFault } from "../http/next-rules.js";
import { readJsonBody } from "../http/read-body.js";
import { sendJson, sendText } from "../http/respond.js";
import { Router } from "../http/router.js";
import type { Dialect } from "../options.js";
import type { Product } from "../products.js";
import { onReset } from "../reset-hooks.js";
import type { ChatTurn, TurnOutcome } from "./agent.js";
import { statusForCode, type AgentError } from "./agent-error.js";
import {
  parseCompletionBody,
  parseLegacyBody,
  parseWorkflowBody,
  type ChatFields,
} from "./chat-request.js";
import { CollectSink, SseSink, type SinkDeps } from "./event-sink.js";
import type { SenseEventType } from "./events.js";
import { stripSenseMarkers } from "./intent.js";
import { pyJson } from "./py-json.js";
import { replayStream } from "./replay.js";
import {
  fieldProblem,
  missingField,
  sendSenseAuthError,
  sendSenseError,
  sendSenseFaultStatus,
  sendValidationError,
} from "./sense-errors.js";
import { streamFaults } from "./sense-markers.js";
import { MEMORY_LIMIT_MESSAGES, SessionStore, messageCount } from "./session-store.js";
import { runTurn, type SenseState } from "./turn-runner.js";
import { workflowStoreFor } from "./workflow-store.js";

interface SenseCall {
  ctx: SimulatorContext;
  state: SenseState;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** The caller's valid key; null only on public routes. */
  key: string | null;
  dialect: Dialect;
}

interface SenseRoute {
  auth: boolean;
  /** Whether queued control rules (`next` with a `/sense` path) apply. */
  faults: boolean;
  handle(call: SenseCall): Promise<void> | void;
}

/** Pause before each event at time factor 1 (then × time factor × paceFactor, × N with `[[sense-slow:N]]`, 10 by default). */
const PAUSE_MS: Record<SenseEventType, number> = {
  thinking_delta: 80,
  text_response: 45,
  status: 300,
  tool_call: 60,
  message: 120,
  progress: 0,
  generation_response: 80,
  clarification_needed: 250,
  web_search_query: 200,
  web_search_citations: 900,
  workflow_created: 300,
  workflow_fetched: 250,
  workflow_built: 600,
  workflow_updated: 300,
  execution_started: 150,
  execution_progress: 60,
  execution_completed: 100,
  complete: 40,
  error: 40,
};
const REPLAY_PAUSE_MS = 150;
const SENSE_VERSION = "2.0.0";
// The reference's example timestamp for the one model (stable, like the real list).
const MODEL_CREATED = 1708345678;

/**
 * each::sense at `/sense`: the OpenAI-compatible agent (`/v1/chat/completions`),
 * the legacy `/chat`, the workflow builder (`/workflow`), `/v1/models`, session
 * memory (`/memory`, `/sessions`) and health checks. Pipeline: route → auth →
 * queued faults aimed at `/sense` → rate limit → handler.
 */
export function createSenseProduct(ctx: SimulatorContext): Product {
  const sessions = new SessionStore(() => ctx.config.sense);
  onReset(ctx, () => sessions.clear());
  const state: SenseState = {
    sessions,
    // Looked up on use: each::workflows registers its store behind workflowStoreFor(ctx).
    get workflows() {
      return workflowStoreFor(ctx);
    },
  };
  const router = new Router<SenseRoute>()
    .add("POST", "/v1/chat/completions", {
      auth: true,
      faults: true,
      handle: (call) => chat(call, "completions"),
    })
    .add("POST", "/chat", { auth: true, faults: true, handle: (call) => chat(call, "legacy") })
    .add("POST", "/workflow", { auth: true, faults: true, handle: workflow })
    .add("GET", "/v1/models", { auth: false, faults: true, handle: listModels })
    .add("GET", "/memory", { auth: true, faults: true, handle: getMemory })
    .add("DELETE", "/memory", { auth: true, faults: true, handle: deleteMemory })
    .add("GET", "/sessions", { auth: true, faults: true, handle: listSessions })
    .add("GET", "/health", { auth: false, faults: false, handle: health })
    .add("GET", "/healthz", { auth: false, faults: false, handle: healthz });

  const playFault = (req: IncomingMessage, res: ServerResponse, fault: Fault) => {
    const dialect = ctx.config.dialect;
    if (fault.kind === "malformed") {
      // A chat completion cut off mid-JSON, with a success status.
      const head = `{"id": "chatcmpl-${randomBytes(3).toString("hex")}", "object": "chat.completion", "choices": [{"index": 0, "message": {"role": "assistant", "content": "Here`;
      res.writeHead(200, {
        "Content-Type": "application/json",
        "Content-Length": Buffer.byteLength(head),
      });
      res.end(head);
      return Promise.resolve("handled" as const);
    }
    const key = authenticate(req, ctx.config.keys);
    return runFault(fault, res, {
      sendStatus: (status, retryAfterS) =>
        sendSenseFaultStatus(res, dialect, status, retryAfterS, (retryAfter) =>
          key === null
            ? {}
            : rateLimitHeaders({
                ...ctx.rateLimiter.peek(senseKey(key)),
                remaining: 0,
                resetAtMs: Date.now() + retryAfter * 1000,
              }),
        ),
      slowMs: Math.max(1, Math.round(5_000 * ctx.config.timeFactor)),
      timeoutMs: Math.max(1, Math.round(30_000 * ctx.config.timeFactor)),
      sleep: (ms) => ctx.scheduler.sleep(ms),
    });
  };

  return {
    name: "each::sense",
    prefix: "/sense",
    playFault,
    async handle(req, res, url, path) {
      const method = req.method ?? "GET";
      const dialect = ctx.config.dialect;
      const match = router.match(method, path);
      if (match.kind === "none") {
        sendSenseError(res, dialect, 404, dialect === "official" ? "Not Found" : "Not found");
        return true;
      }
      if (match.kind === "wrong-method") {
        sendSenseError(
          res,
          dialect,
          405,
          dialect === "official" ? "Method Not Allowed" : "Method not allowed",
          {},
          {
            Allow: match.allowed.join(", "),
          },
        );
        return true;
      }
      const route = match.entry;
      const key = authenticate(req, ctx.config.keys);
      if (route.auth && key === null) {
        sendSenseAuthError(res, dialect, presentedKey(req) !== null);
        return true;
      }
      if (route.faults) {
        const fault = takeNextFault(ctx.config, method, url.pathname, true);
        if (fault !== null && (await playFault(req, res, fault)) === "handled") return true;
      }
      if (route.auth && key !== null) {
        const limit = ctx.rateLimiter.hit(senseKey(key));
        for (const [name, value] of Object.entries(rateLimitHeaders(limit)))
          res.setHeader(name, value);
        if (!limit.allowed) {
          const retryAfter = retryAfterSeconds(limit);
          sendSenseError(
            res,
            dialect,
            429,
            "Rate limit exceeded.",
            { error_code: "RATE_LIMITED", retry_after: retryAfter },
            {
              "Retry-After": String(retryAfter),
            },
          );
          return true;
        }
      }
      await route.handle({ ctx, state, req, res, url, key, dialect });
      return true;
    },
  };
}

/** Sense requests have their own per-minute window, apart from each::api's. */
function senseKey(key: string): string {
  return `sense\u0000${key}`;
}

// ---------- chat ----------

async function chat(call: SenseCall, flavor: "completions" | "legacy"): Promise<void> {
  const { ctx, req, res, dialect } = call;
  const body = await readBody(call);
  if (body === undefined) return;
  const parsed = flavor === "completions" ? parseCompletionBody(body) : parseLegacyBody(body);
  if (!parsed.ok) {
    sendValidationError(res, dialect, parsed.problem);
    return;
  }
  const fields = parsed.value;
  const turn = newTurn(call, fields, fields.sessionId ?? headerSessionId(req));
  const ids = {
    completionId: `chatcmpl-${randomBytes(6).toString("hex")}`,
    created: Math.floor(Date.now() / 1000),
  };
  const headers = { "X-Task-Id": turn.taskId, "X-Session-Id": turn.sessionId };
  const deps = sinkDeps(ctx, fields.text);

  if (fields.stream) {
    const replay = ctx.config.sense.replayFile;
    if (replay !== null) {
      await replayStream(
        res,
        replay,
        scaledPause(ctx, REPLAY_PAUSE_MS),
        (ms) => ctx.scheduler.sleep(ms),
        headers,
      );
      return;
    }
    const sink = new SseSink(
      res,
      flavor === "completions" ? "chunk" : "flat",
      { id: ids.completionId, model: fields.model },
      deps,
      headers,
    );
    await runTurn(ctx, call.state, turn, sink, "chat");
    return;
  }

  const sink = new CollectSink(res, deps);
  const result = await runTurn(ctx, call.state, turn, sink, "chat");
  if (result.kind === "stopped" || res.destroyed) return;
  if (result.kind === "error") {
    sendAgentError(call, result.error, flavor === "legacy", headers);
    return;
  }
  const answer =
    flavor === "completions"
      ? completionBody(turn, fields, result.outcome, ids)
      : legacyBody(turn, result.outcome);
  if (sink.malformed) {
    const text = pyJson(answer);
    sendText(res, 200, text.slice(0, Math.floor(text.length / 2)), "application/json", headers);
    return;
  }
  sendJson(res, 200, answer, headers);
}

function completionBody(
  turn: ChatTurn,
  fields: ChatFields,
  outcome: TurnOutcome,
  ids: { completionId: string; created: number },
): Record<string, unknown> {
  const question = outcome.clarification;
  const content =
    outcome.text !== ""
      ? outcome.text
      : question !== null
        ? [
            question.question,
            ...question.options.map((option, index) => `${index + 1}. ${option}`),
          ].join("\n")
        : "";
  const promptTokens = Math.ceil(fields.promptChars / 4);
  const completionTokens = Math.ceil(content.length / 4);
  return {
    id: ids.completionId,
    object: "chat.completion",
    created: ids.created,
    model: fields.model,
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
    },
    generations: outcome.generations,
    task_id: turn.taskId,
    session_id: turn.sessionId,
    ...(outcome.workflowId === null ? {} : { workflow_id: outcome.workflowId }),
    ...(outcome.versionId === null ? {} : { version_id: outcome.versionId }),
    ...(outcome.executionId === null ? {} : { execution_id: outcome.executionId }),
    ...(question === null ? {} : { clarification_needed: true, ...question }),
    ...(outcome.plan === null ? {} : { status: "awaiting_approval", plan: outcome.plan }),
  };
}

/** The legacy `/chat` non-streaming shapes (the official RESPONSE_TYPES page). */
function legacyBody(turn: ChatTurn, outcome: TurnOutcome): Record<string, unknown> {
  if (outcome.clarification !== null)
    return {
      success: true,
      clarification_needed: true,
      ...outcome.clarification,
      ...(outcome.plan === null
        ? {}
        : { status: "awaiting_approval", plan: outcome.plan, text_response: outcome.text }),
      session_id: turn.sessionId,
      task_id: turn.taskId,
    };
  return {
    task_id: turn.taskId,
    status: "ok",
    generations: outcome.generations,
    text_response: outcome.text,
    model: outcome.model,
    session_id: turn.sessionId,
    tool_calls: outcome.toolCalls,
    ...(outcome.workflowId === null ? {} : { workflow_id: outcome.workflowId }),
  };
}

function sendAgentError(
  call: SenseCall,
  error: AgentError,
  legacy: boolean,
  headers: Record<string, string>,
): void {
  const status = statusForCode(error.code);
  const extra = {
    error_code: error.code,
    ...(error.details === undefined ? {} : { details: error.details }),
    ...error.extra,
  };
  const retry: Record<string, string> =
    typeof error.extra.retry_after === "number"
      ? { "Retry-After": String(error.extra.retry_after) }
      : {};
  if (legacy) {
    sendJson(
      call.res,
      status,
      { success: false, error: error.message, message: error.message, ...extra },
      { ...headers, ...retry },
    );
    return;
  }
  sendSenseError(call.res, call.dialect, status, error.message, extra, { ...headers, ...retry });
}

// ---------- workflow builder ----------

async function workflow(call: SenseCall): Promise<void> {
  const { ctx, req, res } = call;
  const body = await readBody(call);
  if (body === undefined) return;
  const parsed = parseWorkflowBody(body);
  if (!parsed.ok) {
    sendValidationError(res, call.dialect, parsed.problem);
    return;
  }
  const fields = parsed.value;
  const turn = newTurn(
    call,
    {
      text: fields.message,
      images: [],
      stream: fields.stream,
      sessionId: fields.sessionId,
      mode: fields.mode,
      behavior: "agent",
      workflowId: fields.workflowId,
      versionId: fields.versionId,
      webSearch: false,
      safety: true,
      model: "eachsense/beta",
      promptChars: fields.message.length,
    },
    fields.sessionId ?? headerSessionId(req),
  );
  const headers = { "X-Task-Id": turn.taskId, "X-Session-Id": turn.sessionId };
  const deps = sinkDeps(ctx, fields.message);
  if (fields.stream) {
    const sink = new SseSink(
      res,
      "flat",
      { id: turn.taskId, model: "eachsense/beta" },
      deps,
      headers,
    );
    await runTurn(ctx, call.state, turn, sink, "workflow-builder");
    return;
  }
  const sink = new CollectSink(res, deps);
  const result = await runTurn(ctx, call.state, turn, sink, "workflow-builder");
  if (result.kind === "stopped" || res.destroyed) return;
  if (result.kind === "error") {
    sendAgentError(call, result.error, false, headers);
    return;
  }
  const outcome = result.outcome;
  if (outcome.clarification !== null) {
    sendJson(
      res,
      200,
      {
        success: true,
        clarification_needed: true,
        ...outcome.clarification,
        session_id: turn.sessionId,
      },
      headers,
    );
    return;
  }
  const stored =
    outcome.workflowId === null
      ? undefined
      : call.state.workflows.find(turn.key, outcome.workflowId, outcome.versionId);
  sendJson(
    res,
    200,
    {
      workflow_id: outcome.workflowId,
      version_id: outcome.versionId,
      definition: outcome.definition,
      success: true,
      workflow_name: stored?.version.body.name ?? null,
      message:
        fields.workflowId === null
          ? "Workflow created successfully"
          : "Workflow updated successfully",
      text_response: outcome.text,
      session_id: turn.sessionId,
      task_id: turn.taskId,
    },
    headers,
  );
}

// ---------- memory, sessions, models, health ----------

function getMemory(call: SenseCall): void {
  const id = sessionParam(call);
  if (id === null) return;
  const session = call.state.sessions.get(requireKey(call), id);
  if (session === undefined) {
    sendSenseError(call.res, call.dialect, 404, "Session not found", {
      error_code: "SESSION_NOT_FOUND",
    });
    return;
  }
  sendJson(call.res, 200, {
    session_id: session.id,
    conversation_history: session.exchanges,
    total_exchanges: session.exchanges.length,
    message_count: messageCount(session),
    memory_limit: MEMORY_LIMIT_MESSAGES,
    generated_media_urls: session.exchanges.flatMap((exchange) => exchange.generated_media_urls),
    status: call.state.sessions.isInactive(session) ? "inactive" : "active",
    created_at: session.createdAt.toISOString(),
    updated_at: session.lastActivityAt.toISOString(),
  });
}

function deleteMemory(call: SenseCall): void {
  const id = sessionParam(call);
  if (id === null) return;
  const deleted = call.state.sessions.delete(requireKey(call), id);
  sendJson(call.res, 200, { cleared: true, session_id: id, messages_deleted: deleted });
}

function listSessions(call: SenseCall): void {
  const sessions = call.state.sessions.list(requireKey(call)).map((session) => ({
    session_id: session.id,
    message_count: messageCount(session),
    last_activity: session.lastActivityAt.toISOString(),
    created_at: session.createdAt.toISOString(),
    status: call.state.sessions.isInactive(session) ? "inactive" : "active",
  }));
  sendJson(call.res, 200, { sessions, total_sessions: sessions.length });
}

function listModels(call: SenseCall): void {
  sendJson(call.res, 200, {
    object: "list",
    data: [{ id: "eachsense/beta", object: "model", created: MODEL_CREATED, owned_by: "eachlabs" }],
  });
}

function health(call: SenseCall): void {
  sendJson(call.res, 200, {
    status: "healthy",
    version: SENSE_VERSION,
    timestamp: new Date().toISOString(),
  });
}

function healthz(call: SenseCall): void {
  sendText(call.res, 200, "ok", "text/plain; charset=utf-8");
}

// ---------- helpers ----------

/** The JSON body, or undefined after answering a bad one. */
async function readBody(call: SenseCall): Promise<unknown> {
  const body = await readJsonBody(call.req);
  if (body.ok) return body.value;
  if (body.reason === "too-large") {
    sendSenseError(call.res, call.dialect, 413, "Request body too large");
    return undefined;
  }
  if (call.dialect === "official") {
    sendValidationError(
      call.res,
      call.dialect,
      fieldProblem(
        ["body", 0],
        "invalid request body",
        "Expecting value",
        "value_error.jsondecode",
      ),
    );
  } else {
    sendSenseError(call.res, call.dialect, 400, "invalid request body");
  }
  return undefined;
}

function newTurn(call: SenseCall, fields: ChatFields, sessionId: string | null): ChatTurn {
  return {
    key: requireKey(call),
    sessionId: sessionId ?? `sess_${randomBytes(8).toString("hex")}`,
    text: fields.text,
    images: fields.images,
    mode: fields.mode,
    behavior: fields.behavior,
    workflowId: fields.workflowId,
    versionId: fields.versionId,
    webSearch: fields.webSearch,
    safety: fields.safety,
    taskId: `task-${randomBytes(6).toString("hex")}`,
    startedAt: Date.now(),
  };
}

function sinkDeps(ctx: SimulatorContext, text: string): SinkDeps {
  const { faults, slowFactor } = streamFaults(ctx, text);
  return {
    pauseMs: (event) => scaledPause(ctx, PAUSE_MS[event.type] * slowFactor),
    sleep: (ms) => ctx.scheduler.sleep(ms),
    faults,
  };
}

function scaledPause(ctx: SimulatorContext, ms: number): number {
  return Math.round(ms * ctx.config.timeFactor * ctx.config.sense.paceFactor);
}

/** `X-Session-Id` is the official alternative to `session_id` in the body. */
function headerSessionId(req: IncomingMessage): string | null {
  const header = req.headers["x-session-id"];
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && value.trim() !== "" ? value.trim() : null;
}

function sessionParam(call: SenseCall): string | null {
  const id = call.url.searchParams.get("session_id") ?? headerSessionId(call.req);
  if (id === null || id.trim() === "") {
    sendValidationError(call.res, call.dialect, missingField("query", "session_id"));
    return null;
  }
  return stripSenseMarkers(id);
}

function requireKey(call: SenseCall): string {
  if (call.key === null) throw new Error("sense route reached without a key");
  return call.key;
}
