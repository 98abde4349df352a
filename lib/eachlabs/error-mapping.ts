import "server-only";
import { AppError } from "../shared/errors";
import { UpstreamError } from "./upstream-error";

type FieldDetail = { field?: unknown; message?: unknown; loc?: unknown; msg?: unknown };

/** Field → message from upstream's validation details (`details[]` or FastAPI `detail[]`). */
function fieldErrors(body: unknown): Record<string, string> {
  if (typeof body !== "object" || body === null) return {};
  const record = body as Record<string, unknown>;
  const list = Array.isArray(record.details)
    ? record.details
    : Array.isArray(record.detail)
      ? record.detail
      : [];
  const fields: Record<string, string> = {};
  for (const item of list as FieldDetail[]) {
    const loc = Array.isArray(item.loc)
      ? item.loc.filter((part) => part !== "body" && part !== "input").join(".")
      : undefined;
    const field = typeof item.field === "string" ? item.field.replace(/^input\./, "") : loc;
    const message =
      typeof item.message === "string"
        ? item.message
        : typeof item.msg === "string"
          ? item.msg
          : undefined;
    if (field && message) fields[field] ??= message;
  }
  return fields;
}

/**
 * What a person should read for each way an each::labs call can fail. `surface` names what
 * was being done ("prediction", "catalog", "upload") and becomes part of the error code.
 */
export function toAppError(error: unknown, surface: string): AppError {
  if (error instanceof AppError) return error;
  if (!(error instanceof UpstreamError)) {
    return new AppError(
      `internal:${surface}`,
      "Something went wrong on our side. Please try again.",
    );
  }
  const said = error.upstreamMessage;
  switch (true) {
    case error.status === 0:
      return new AppError(
        `upstream:${surface}`,
        "each::labs did not answer in time. Please try again in a moment.",
      );
    case error.status === 401:
      return new AppError(
        `unauthorized:api_key`,
        "Your each::labs API key was refused. Check it in Settings.",
      );
    case error.status === 402:
      return new AppError(
        `payment_required:${surface}`,
        `Your each::labs balance is too low for this run.${said ? ` ${said}` : ""}`,
      );
    case error.status === 403:
      return new AppError(`forbidden:${surface}`, said ?? "each::labs refused this request.");
    case error.status === 404:
      return new AppError(
        `not_found:${surface}`,
        said ?? "each::labs does not know that model or item.",
      );
    case error.status === 429: {
      const wait = error.retryAfter ?? 60;
      return new AppError(
        `rate_limited:${surface}`,
        `each::labs is rate limiting requests. Try again in ${wait} s.`,
        { retryAfter: wait },
      );
    }
    case error.status === 400 || error.status === 422: {
      const fields = fieldErrors(error.body);
      return new AppError(`unprocessable:${surface}`, said ?? "each::labs refused the input.", {
        fields,
      });
    }
    default:
      return new AppError(
        `upstream:${surface}`,
        `each::labs had a problem (HTTP ${error.status}). We retried; please try again shortly.`,
      );
  }
}
