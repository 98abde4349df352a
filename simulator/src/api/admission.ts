import type { SimulatorContext } from "../context.js";
import type { Dialect } from "../options.js";
import { costOf, isMetered } from "../predictions/pricing.js";
import type { CreateProblem, CreateRequest } from "./create-request.js";

// Official: a balance at or below $10 caps in-flight predictions.
const LOW_BALANCE_USD = 10;
const LOW_BALANCE_CAP_FIXED = 10;
const LOW_BALANCE_CAP_METERED = 2;

export interface Refusal extends CreateProblem {
  headers?: Record<string, string>;
}

/** Whether this key may start one more prediction now; a refused submit creates nothing and costs nothing. */
export function admit(
  ctx: SimulatorContext,
  key: string,
  request: CreateRequest,
  dialect: Dialect,
): Refusal | null {
  const inFlight = ctx.predictions.inFlightRecords(key);
  if (dialect === "reference") {
    if (inFlight.length < ctx.config.concurrency) return null;
    return {
      status: 429,
      error: "Rate limit exceeded",
      details: `concurrency limit: ${inFlight.length} predictions in flight, plan allows ${ctx.config.concurrency}`,
      headers: { "Retry-After": String(secondsUntilOneFinishes(ctx, key)) },
    };
  }

  const balance = ctx.accounts.balance(key);
  const reserved = inFlight.reduce((sum, record) => sum + record.estimatedCost, 0);
  const available = balance - reserved;
  const estimate = costOf(request.model, request.kind, request.resolvedInput);
  if (estimate > available) {
    return {
      status: 402,
      error: "payment required",
      details: `Estimated cost ${usd(estimate)} exceeds your current balance (${usd(Math.max(0, available))})${reserved > 0 ? ` after reserving ${usd(reserved)} for ${inFlight.length} in-flight predictions` : ""}. Add credits to continue.`,
    };
  }
  if (balance <= LOW_BALANCE_USD) {
    const metered = isMetered(request.model, request.kind);
    const cap = metered ? LOW_BALANCE_CAP_METERED : LOW_BALANCE_CAP_FIXED;
    const counted = metered
      ? inFlight.filter((record) => isMetered(record.model, record.kind)).length
      : inFlight.length;
    if (counted >= cap) {
      return {
        status: 429,
        error: "too many requests",
        details: `Account rate limited: with a balance of ${usd(balance)} (at most ${usd(LOW_BALANCE_USD)}) you can have ${cap} ${metered ? "metered" : "fixed-price"} predictions in flight; ${counted} are running. Add credits or wait for one to finish.`,
        headers: { "Retry-After": String(secondsUntilOneFinishes(ctx, key)) },
      };
    }
  }
  return null;
}

function secondsUntilOneFinishes(ctx: SimulatorContext, key: string): number {
  const now = Date.now();
  const remaining = ctx.predictions.inFlightRecords(key).map((record) => {
    const endMs =
      record.createdAt.getTime() + (record.queueMs + record.runMs) * ctx.config.timeFactor;
    return endMs - now;
  });
  return Math.max(1, Math.ceil(Math.min(...remaining, 60_000) / 1000));
}

function usd(amount: number): string {
  return `$${amount.toFixed(2)}`;
}
