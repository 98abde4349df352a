// When to try again after a 429 or 5xx: the reference says wait 2^attempt seconds; a
// Retry-After or X-RateLimit-Reset header from upstream wins when it asks for longer.

/** Seconds until upstream says a retry may succeed, or undefined if it does not say. */
export function retryAfterSeconds(headers: Headers, nowMs = Date.now()): number | undefined {
  const retryAfter = headers.get("retry-after");
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - nowMs) / 1000));
  }
  const reset = Number(headers.get("x-ratelimit-reset"));
  if (headers.get("x-ratelimit-reset") && Number.isFinite(reset)) {
    // Either a Unix time (seconds) or a number of seconds from now.
    return Math.max(0, Math.ceil(reset > 1e9 ? reset - nowMs / 1000 : reset));
  }
  return undefined;
}

export function backoffMs(attempt: number, retryAfter: number | undefined): number {
  return Math.max(2 ** attempt, retryAfter ?? 0) * 1000;
}

export function isRetryableStatus(status: number): boolean {
  return status === 0 || status === 429 || status >= 500;
}
