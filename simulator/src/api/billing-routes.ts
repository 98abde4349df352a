import type { Router } from "../http/router.js";
import { sendJson } from "../http/respond.js";
import { requireKey, type ApiCall, type ApiRoute } from "./api-route.js";
import { sendApiError } from "./errors.js";

// Official: 3 requests per second, burst 3, per organisation.
const BALANCE_REQUESTS_PER_SECOND = 3;

export function registerBillingRoutes(router: Router<ApiRoute>): void {
  router.add("GET", "/v1/billing/balance", { auth: "required", handle: getBalance });
}

function getBalance(call: ApiCall): void {
  const key = requireKey(call);
  if (!call.ctx.rateLimiter.burst(`balance:${key}`, BALANCE_REQUESTS_PER_SECOND)) {
    sendApiError(call.res, call.dialect, 429, "too many requests", {
      headers: { "Retry-After": "1" },
    });
    return;
  }
  sendJson(call.res, 200, { balance_usd: call.ctx.accounts.balance(key) });
}
