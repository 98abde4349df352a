import { STATUS_CODES, type ServerResponse } from "node:http";
import type { Dialect } from "../options.js";
import { sendJson, type Headers } from "../http/respond.js";
import type { FieldProblem } from "../validation/validate-input.js";

export interface ApiErrorOptions {
  /** A sentence, or per-field problems (sent in both dialects so forms can mark the field). */
  details?: string | FieldProblem[];
  headers?: Headers;
}

export const AUTH_ERROR = "Invalid or missing API key";

/**
 * Reference bodies are `{"error": "..."}`; the official platform's shared
 * handlers add `status` and `details`.
 */
export function sendApiError(
  res: ServerResponse,
  dialect: Dialect,
  status: number,
  error: string,
  options: ApiErrorOptions = {},
): void {
  const body: Record<string, unknown> =
    dialect === "official" ? { status, error, details: options.details ?? error } : { error };
  if (
    dialect === "reference" &&
    options.details !== undefined &&
    typeof options.details !== "string"
  ) {
    body.details = options.details;
  }
  sendJson(res, status, body, options.headers);
}

/** Bodies for deliberate status faults, worded like the real errors of each status. */
export function faultError(status: number, dialect: Dialect): { error: string; details: string } {
  const official = dialect === "official";
  switch (status) {
    case 401:
      return {
        error: AUTH_ERROR,
        details: "Send your key as `Authorization: Bearer <key>` or `X-API-Key`.",
      };
    case 402:
      return official
        ? {
            error: "payment required",
            details:
              "Estimated cost ($0.07) exceeds your current balance ($0.00). Add credits to continue.",
          }
        : { error: "Payment required: insufficient balance", details: "Add credits to continue." };
    case 429:
      return official
        ? {
            error: "too many requests",
            details: "Account rate limited: too many in-flight predictions for your balance.",
          }
        : { error: "Rate limit exceeded", details: "Too many requests." };
    case 500:
      return {
        error: official ? "internal server error" : "Internal server error",
        details: "Simulated server error.",
      };
    case 502:
      return {
        error: official ? "bad gateway" : "Bad gateway",
        details: "Simulated upstream failure.",
      };
    case 503:
      return {
        error: official ? "service unavailable" : "Service unavailable",
        details: "Simulated outage.",
      };
    case 504:
      return {
        error: official ? "gateway timeout" : "Gateway timeout",
        details: "The request timed out.",
      };
    default: {
      const text = STATUS_CODES[status] ?? "Error";
      return { error: official ? text.toLowerCase() : text, details: `Simulated HTTP ${status}.` };
    }
  }
}
