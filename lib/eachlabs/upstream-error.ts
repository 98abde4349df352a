import "server-only";

/** A non-2xx answer (or no answer) from an each::labs API, before it becomes an AppError. */
export class UpstreamError extends Error {
  override name = "UpstreamError";
  constructor(
    /** HTTP status, or 0 when the request never got an answer (network error, timeout). */
    readonly status: number,
    /** The parsed JSON body (or text) upstream sent. */
    readonly body: unknown,
    /** Seconds until a retry may succeed, from Retry-After or X-RateLimit-Reset. */
    readonly retryAfter: number | undefined,
    message: string,
  ) {
    super(message);
  }

  /** The human part of upstream's error body: `error`, `details`, `detail` or `message`. */
  get upstreamMessage(): string | undefined {
    if (typeof this.body === "string") return this.body.slice(0, 500) || undefined;
    if (typeof this.body !== "object" || this.body === null) return undefined;
    const body = this.body as Record<string, unknown>;
    for (const key of ["details", "error", "message", "detail"]) {
      if (typeof body[key] === "string" && body[key]) return body[key] as string;
    }
    return undefined;
  }
}
