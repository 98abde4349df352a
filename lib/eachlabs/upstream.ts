import "server-only";
import { backoffMs, isRetryableStatus, retryAfterSeconds } from "./retry-timing";
import { UpstreamError } from "./upstream-error";

export type UpstreamRequest = {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  url: string;
  apiKey?: string | undefined;
  body?: unknown;
  /** Per attempt. The reference allows 300 s per request; we answer people sooner. */
  timeoutMs?: number;
  /** Extra attempts after the first, for 429, 5xx, timeouts and network errors. */
  retries?: number;
  /** The longest single wait between attempts; a longer Retry-After ends the retrying. */
  maxWaitMs?: number;
  signal?: AbortSignal;
};

function authHeaders(apiKey: string | undefined): Record<string, string> {
  if (!apiKey) return {};
  // The reference documents X-API-Key; the official docs moved to Bearer. Both are sent so
  // one client works with either.
  return { "X-API-Key": apiKey, Authorization: `Bearer ${apiKey}` };
}

async function parseBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function attempt(request: UpstreamRequest): Promise<unknown> {
  const timeout = AbortSignal.timeout(request.timeoutMs ?? 30_000);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method ?? "GET",
      headers: {
        Accept: "application/json",
        ...(request.body === undefined ? {} : { "Content-Type": "application/json" }),
        ...authHeaders(request.apiKey),
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal,
      cache: "no-store",
    });
  } catch (error) {
    if (request.signal?.aborted) throw error;
    const timedOut = timeout.aborted;
    throw new UpstreamError(
      0,
      null,
      undefined,
      timedOut ? "upstream timed out" : `upstream unreachable: ${(error as Error).message}`,
    );
  }
  const body = await parseBody(response).catch(() => null);
  if (!response.ok) {
    throw new UpstreamError(
      response.status,
      body,
      retryAfterSeconds(response.headers),
      `upstream answered ${response.status}`,
    );
  }
  return body;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), reject(signal.reason)), {
      once: true,
    });
  });

/** One call to an each::labs API, retried with backoff on 429, 5xx and lost connections. */
export async function callUpstream(request: UpstreamRequest): Promise<unknown> {
  const retries = request.retries ?? 2;
  for (let attemptNo = 0; ; attemptNo++) {
    try {
      return await attempt(request);
    } catch (error) {
      if (
        !(error instanceof UpstreamError) ||
        !isRetryableStatus(error.status) ||
        attemptNo >= retries
      )
        throw error;
      const wait = backoffMs(attemptNo, error.retryAfter);
      if (wait > (request.maxWaitMs ?? 8_000)) throw error;
      await sleep(wait, request.signal);
    }
  }
}
