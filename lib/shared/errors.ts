// One error type for the whole app: a code like "conflict:signup" picks the HTTP status and
// travels to the browser, which shows `message` (and `fields` next to the form inputs).
// Browser-safe, so client code can read the same shapes.

export type ErrorKind =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "unprocessable"
  | "payment_required"
  | "rate_limited"
  | "upstream"
  | "unavailable"
  | "internal";

export type ErrorCode = `${ErrorKind}:${string}`;

const STATUS: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  payment_required: 402,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  upstream: 502,
  unavailable: 503,
};

export type ErrorBody = {
  error: {
    code: ErrorCode;
    message: string;
    /** Field name → message, for forms. */
    fields?: Record<string, string>;
    /** Seconds until a retry may succeed. */
    retryAfter?: number;
    /** The run this error was recorded on, when one was. */
    runId?: string;
  };
};

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { fields?: Record<string, string>; retryAfter?: number; runId?: string } = {},
  ) {
    super(message);
  }

  get status(): number {
    return STATUS[this.code.split(":")[0] as ErrorKind] ?? 500;
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...this.extra } };
  }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === "object" && error !== null && "message" in error && "code" in error;
}
