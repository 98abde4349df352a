import type { ServerResponse } from "node:http";
import type { SimulatorContext } from "../context.js";
import { runFault, type Fault } from "../http/faults.js";
import { faultError, sendApiError } from "./errors.js";
import { rateLimitHeaders } from "./rate-limiter.js";

// A forced 429/503 asks for a short wait, so app tests do not stall a minute.
const DEFAULT_RETRY_AFTER_S = 1;

/** Answers a forced status the way the real error of that status looks, headers included. */
export function sendFaultStatus(
  ctx: SimulatorContext,
  res: ServerResponse,
  status: number,
  retryAfterS: number | undefined,
  key: string | null,
): void {
  const dialect = ctx.config.dialect;
  const { error, details } = faultError(status, dialect);
  const headers: Record<string, string> = {};
  if (status === 429 || status === 503)
    headers["Retry-After"] = String(retryAfterS ?? DEFAULT_RETRY_AFTER_S);
  if (status === 429 && dialect === "reference" && key !== null) {
    const state = ctx.rateLimiter.peek(key);
    Object.assign(
      headers,
      rateLimitHeaders({
        ...state,
        remaining: 0,
        resetAtMs: Date.now() + (retryAfterS ?? DEFAULT_RETRY_AFTER_S) * 1000,
      }),
    );
  }
  sendApiError(res, dialect, status, error, {
    details: dialect === "official" ? details : undefined,
    headers,
  });
}

/** Plays a fault against a request; "continue" means handle the request normally afterwards. */
export function playFault(
  ctx: SimulatorContext,
  res: ServerResponse,
  fault: Fault,
  key: string | null,
): Promise<"handled" | "continue"> {
  return runFault(fault, res, {
    sendStatus: (status, retryAfterS) => sendFaultStatus(ctx, res, status, retryAfterS, key),
    slowMs: Math.max(1, Math.round(5_000 * ctx.config.timeFactor)),
    timeoutMs: Math.max(1, Math.round(30_000 * ctx.config.timeFactor)),
    sleep: (ms) => ctx.scheduler.sleep(ms),
  });
}
