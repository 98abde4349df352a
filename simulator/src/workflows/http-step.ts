import { isLoopbackHost } from "../http/loopback.js";
import { isPlainObject } from "../http/read-body.js";
import { StepFailure } from "./step-failure.js";

export interface HttpRequestSpec {
  url: unknown;
  method?: unknown;
  headers?: unknown;
  query_params?: unknown;
  body?: unknown;
  auth?: unknown;
  /** `none`/absent: every response that arrives succeeds; `non_2xx`; or a list like `429,500`. */
  fail_on_status?: unknown;
}

export interface HttpResult {
  output: { status_code: number; headers: Record<string, string>; body: unknown };
  metadata: Record<string, unknown>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_TIMEOUT_MS = 300_000;
const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

/**
 * An `http` step: calls the URL with the method, headers, query parameters,
 * JSON body and auth (`basic` username/password, `bearer` token, `api_key`
 * header name + value, or `in: "query"`). The simulator has no internet: only
 * loopback URLs (127.x, ::1, localhost) and the simulator's own public URL are
 * called; anything else fails with a clear error. JSON responses are parsed.
 * Timeouts are real time (this is a real request), not scaled by the time factor.
 */
export async function runHttpRequest(
  spec: HttpRequestSpec,
  ownOrigin: string,
  timeoutMs: number | null,
  signal: AbortSignal,
): Promise<HttpResult> {
  if (typeof spec.url !== "string") throw new StepFailure("invalid_input", "url must be a string");
  let url: URL;
  try {
    url = new URL(spec.url);
  } catch {
    throw new StepFailure("invalid_input", `url ${JSON.stringify(spec.url)} is not a valid URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new StepFailure("invalid_input", `url must be http(s), got ${url.protocol}`);
  if (!isLoopbackHost(url.hostname) && url.origin !== safeOrigin(ownOrigin))
    throw new StepFailure(
      "blocked",
      `http step refused ${url.origin}: the simulator has no internet access; only loopback URLs (127.0.0.1, ::1, localhost) can be called`,
    );
  const method = typeof spec.method === "string" ? spec.method.toUpperCase() : "GET";
  if (isPlainObject(spec.query_params))
    for (const [name, value] of Object.entries(spec.query_params))
      if (value !== undefined && value !== null) url.searchParams.append(name, text(value));
  const headers = new Headers();
  if (isPlainObject(spec.headers))
    for (const [name, value] of Object.entries(spec.headers))
      if (value !== undefined && value !== null) headers.set(name, text(value));
  applyAuth(spec.auth, headers, url);

  let body: string | undefined;
  if (spec.body !== undefined && spec.body !== null && !["GET", "HEAD"].includes(method)) {
    if (typeof spec.body === "string") body = spec.body;
    else {
      body = JSON.stringify(spec.body);
      if (!headers.has("content-type")) headers.set("Content-Type", "application/json");
    }
  }
  const limitMs = Math.min(timeoutMs ?? DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS);
  const started = Date.now();
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.any([signal, AbortSignal.timeout(limitMs)]),
    });
  } catch (error) {
    if (signal.aborted) throw new StepFailure("cancelled", "execution cancelled");
    if (error instanceof Error && error.name === "TimeoutError")
      throw new StepFailure("timeout", `${method} ${url.href} timed out after ${limitMs} ms`);
    const cause =
      error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new StepFailure("network_error", `${method} ${url.href} failed: ${cause}`);
  }
  const raw = Buffer.from(await response.arrayBuffer());
  const responseHeaders: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    responseHeaders[name] = value;
  });
  const output = {
    status_code: response.status,
    headers: responseHeaders,
    body: parseBody(raw.subarray(0, MAX_RESPONSE_BYTES), response.headers.get("content-type")),
  };
  const metadata = {
    url: url.href,
    method,
    status_code: response.status,
    elapsed_seconds: Math.round(Date.now() - started) / 1000,
  };
  if (failsOn(spec.fail_on_status, response.status))
    throw new StepFailure(
      response.status >= 500 ? "server_error" : "client_error",
      `${method} ${url.href} answered HTTP ${response.status}`,
      { ...metadata, response: output },
    );
  return { output, metadata };
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function text(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function applyAuth(auth: unknown, headers: Headers, url: URL): void {
  if (!isPlainObject(auth)) return;
  switch (auth.type) {
    case "basic": {
      const pair = `${text(auth.username ?? "")}:${text(auth.password ?? "")}`;
      headers.set("Authorization", `Basic ${Buffer.from(pair, "utf8").toString("base64")}`);
      return;
    }
    case "bearer":
      if (auth.token !== undefined && auth.token !== null)
        headers.set("Authorization", `Bearer ${text(auth.token)}`);
      return;
    case "api_key": {
      const name = [auth.header, auth.name, auth.key_name].find(
        (candidate): candidate is string => typeof candidate === "string" && candidate !== "",
      );
      const value = auth.value ?? auth.key;
      if (value === undefined || value === null) return;
      if (auth.in === "query") url.searchParams.set(name ?? "api_key", text(value));
      else headers.set(name ?? "X-API-Key", text(value));
      return;
    }
    default:
      return;
  }
}

function parseBody(raw: Buffer, contentType: string | null): unknown {
  const body = raw.toString("utf8");
  if (body === "") return null;
  if (contentType?.includes("json") || /^\s*[[{"]/.test(body)) {
    try {
      return JSON.parse(body) as unknown;
    } catch {
      return body;
    }
  }
  return body;
}

function failsOn(rule: unknown, status: number): boolean {
  if (rule === undefined || rule === null || rule === "" || rule === "none") return false;
  if (rule === "non_2xx") return status < 200 || status > 299;
  const listed = Array.isArray(rule) ? rule.map(String) : String(rule).split(",");
  return listed.map((item) => item.trim()).includes(String(status));
}
