import { STATUS_CODES, type ServerResponse } from "node:http";
import { sendJson, type Headers } from "../http/respond.js";
import type { Dialect } from "../options.js";

/**
 * each::sense error bodies. The reference documents `{"error": "..."}` for every
 * product; the official sense service is FastAPI and answers `{"detail": ...}`
 * (a string, or a list of `{loc, msg, type}` for validation errors), per its
 * EDGE_CASES page. Extra fields (`error_code`, `retry_after`) go in both.
 */
export function sendSenseError(
  res: ServerResponse,
  dialect: Dialect,
  status: number,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Headers = {},
): void {
  const body =
    dialect === "official" ? { detail: message, ...extra } : { error: message, ...extra };
  sendJson(res, status, body, headers);
}

/** One FastAPI validation problem. */
export interface FieldError {
  loc: (string | number)[];
  msg: string;
  type: string;
  ctx?: Record<string, unknown>;
}

/** A 422 whose official body is FastAPI's `detail` list (or string), and whose reference body names the problem. */
export interface ValidationProblem {
  message: string;
  /** The official body's `detail`; a list for schema errors, a string for the service's own checks. */
  detail: FieldError[] | string;
}

export function sendValidationError(
  res: ServerResponse,
  dialect: Dialect,
  problem: ValidationProblem,
): void {
  sendJson(
    res,
    422,
    dialect === "official" ? { detail: problem.detail } : { error: problem.message },
  );
}

export function missingField(location: "body" | "query", field: string): ValidationProblem {
  return {
    message: `${field} field is required`,
    detail: [{ loc: [location, field], msg: "field required", type: "value_error.missing" }],
  };
}

export function fieldProblem(
  loc: (string | number)[],
  message: string,
  msg: string,
  type: string,
  ctx?: Record<string, unknown>,
): ValidationProblem {
  return { message, detail: [{ loc, msg, type, ...(ctx === undefined ? {} : { ctx }) }] };
}

export const SENSE_AUTH_ERROR = "Invalid or missing API key";

/** 401: reference `{"error":"Invalid or missing API key"}`; official FastAPI wording (missing vs invalid). */
export function sendSenseAuthError(
  res: ServerResponse,
  dialect: Dialect,
  presented: boolean,
): void {
  if (dialect === "official") {
    sendJson(res, 401, {
      detail: presented
        ? "Invalid API key. Please check your API key and try again."
        : "API key is required.",
    });
    return;
  }
  sendJson(res, 401, { error: SENSE_AUTH_ERROR });
}

/** Bodies for forced statuses (`X-Simulator-Fail`, queued `next` rules) on sense paths. */
export function sendSenseFaultStatus(
  res: ServerResponse,
  dialect: Dialect,
  status: number,
  retryAfterS: number | undefined,
  rateHeaders: (retryAfterS: number) => Record<string, string>,
): void {
  const retryAfter = retryAfterS ?? 1;
  switch (status) {
    case 401:
      sendSenseAuthError(res, dialect, true);
      return;
    case 402:
      sendSenseError(res, dialect, 402, "Insufficient balance.", {
        error_code: "INSUFFICIENT_BALANCE",
        details: {
          current_balance: 0.1,
          required_estimate: 0.5,
          top_up_url: "https://www.eachlabs.ai/billing",
        },
      });
      return;
    case 429:
      sendSenseError(
        res,
        dialect,
        429,
        "Rate limit exceeded.",
        { error_code: "RATE_LIMITED", retry_after: retryAfter },
        { "Retry-After": String(retryAfter), ...rateHeaders(retryAfter) },
      );
      return;
    case 504:
      sendSenseError(
        res,
        dialect,
        504,
        "Request timed out. The operation took longer than expected.",
        {
          error_code: "TIMEOUT",
        },
      );
      return;
    default: {
      const text = STATUS_CODES[status] ?? "Error";
      sendSenseError(
        res,
        dialect,
        status,
        dialect === "official" ? text : text.charAt(0) + text.slice(1).toLowerCase(),
        {},
        status === 503 ? { "Retry-After": String(retryAfter) } : {},
      );
    }
  }
}
