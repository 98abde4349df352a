import "server-only";
import type { EachlabsAccess } from "../eachlabs/client";
import { toAppError } from "../eachlabs/error-mapping";
import { retryAfterSeconds } from "../eachlabs/retry-timing";
import { callUpstream } from "../eachlabs/upstream";
import { UpstreamError } from "../eachlabs/upstream-error";
import { AppError } from "../shared/errors";
import type { ChatSettings } from "../shared/sense-types";
import { SENSE_CONNECT_TIMEOUT_MS } from "./config";

// The reference documents X-API-Key; the official docs moved to Bearer. Both are sent.
function authHeaders(apiKey: string): Record<string, string> {
  return { "X-API-Key": apiKey, Authorization: `Bearer ${apiKey}` };
}

export type SenseChatRequest = {
  sessionId: string;
  content: string;
  imageUrls: string[];
  settings: ChatSettings;
};

/** The body of `POST /v1/chat/completions`: only the new message, memory is upstream's. */
export function chatCompletionBody(request: SenseChatRequest) {
  return {
    model: "eachsense/beta",
    stream: true,
    messages: [{ role: "user", content: request.content }],
    session_id: request.sessionId,
    mode: request.settings.mode,
    behavior: request.settings.behavior,
    web_search: request.settings.webSearch,
    ...(request.imageUrls.length > 0 ? { image_urls: request.imageUrls } : {}),
  };
}

async function readErrorBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => "");
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Opens the each::sense stream of one chat turn and returns the response once its headers
 * arrived (its body is the SSE stream). Throws UpstreamError for an HTTP error or no answer
 * within SENSE_CONNECT_TIMEOUT_MS, and AppError when the answer is not a stream. Not retried:
 * whether to send a message again is the person's choice.
 */
export async function openSenseStream(
  access: EachlabsAccess,
  request: SenseChatRequest,
  signal: AbortSignal,
): Promise<Response> {
  const connect = new AbortController();
  const timer = setTimeout(
    () => connect.abort(new Error("connect timeout")),
    SENSE_CONNECT_TIMEOUT_MS,
  );
  let response: Response;
  try {
    response = await fetch(`${access.urls.sense}/v1/chat/completions`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "text/event-stream",
        ...authHeaders(access.apiKey),
      },
      body: JSON.stringify(chatCompletionBody(request)),
      // The turn's signal stays attached to the body: aborting it later ends the stream.
      signal: AbortSignal.any([signal, connect.signal]),
      cache: "no-store",
    });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new UpstreamError(
      0,
      null,
      undefined,
      connect.signal.aborted
        ? "upstream timed out"
        : `upstream unreachable: ${(error as Error).message}`,
    );
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) {
    const body = await readErrorBody(response);
    throw new UpstreamError(
      response.status,
      body,
      retryAfterSeconds(response.headers),
      `upstream answered ${response.status}`,
    );
  }
  const type = response.headers.get("content-type") ?? "";
  if (!response.body || !type.toLowerCase().includes("text/event-stream")) {
    await response.body?.cancel().catch(() => undefined);
    throw new AppError(
      "upstream:chat",
      "each::sense sent an answer we could not read as a stream. Please try again.",
    );
  }
  return response;
}

/** What a person reads when each::sense refuses a chat request. */
export function chatAppError(error: unknown): AppError {
  if (error instanceof UpstreamError && error.status === 409) {
    return new AppError(
      "conflict:chat",
      "each::sense is still busy with the previous message of this chat. Wait for it, or stop it, then try again.",
    );
  }
  return toAppError(error, "chat");
}

/** `DELETE /memory?session_id=`: each::sense forgets the conversation. A never-used session is fine. */
export async function clearSenseMemory(access: EachlabsAccess, sessionId: string): Promise<void> {
  try {
    await callUpstream({
      method: "DELETE",
      url: `${access.urls.sense}/memory?session_id=${encodeURIComponent(sessionId)}`,
      apiKey: access.apiKey,
      timeoutMs: 10_000,
      retries: 1,
    });
  } catch (error) {
    if (error instanceof UpstreamError && error.status === 404) return;
    throw error;
  }
}
