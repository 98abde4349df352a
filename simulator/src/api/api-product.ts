import type { SimulatorContext } from "../context.js";
import { takeNextFault } from "../http/next-rules.js";
import { Router } from "../http/router.js";
import type { Product } from "../products.js";
import type { ApiRoute } from "./api-route.js";
import { authenticate } from "./auth.js";
import { AUTH_ERROR, sendApiError } from "./errors.js";
import { playFault, sendFaultStatus } from "./fault-response.js";
import { rateLimitHeaders, retryAfterSeconds } from "./rate-limiter.js";
import { registerBillingRoutes } from "./billing-routes.js";
import { registerModelRoutes } from "./model-routes.js";
import { registerPredictionRoutes } from "./prediction-routes.js";
import { registerUploadRoutes } from "./upload-routes.js";
import { registerWebhookRoutes } from "./webhook-routes.js";

/**
 * each::api at `/v1/...`. Every request goes through one pipeline:
 * route → auth → queued faults → random errors → rate limit → latency → handler.
 */
export function createApiProduct(ctx: SimulatorContext): Product {
  const router = new Router<ApiRoute>();
  registerModelRoutes(router);
  registerPredictionRoutes(router);
  registerWebhookRoutes(router);
  registerUploadRoutes(router);
  registerBillingRoutes(router);

  return {
    name: "each::api",
    prefix: "/",
    async handle(req, res, url, path) {
      const method = req.method ?? "GET";
      const match = router.match(method, path);
      if (match.kind === "none") return false;
      const dialect = ctx.config.dialect;
      if (match.kind === "wrong-method") {
        sendApiError(res, dialect, 405, "Method not allowed", {
          headers: { Allow: match.allowed.join(", ") },
        });
        return true;
      }
      const route = match.entry;
      const key = authenticate(req, ctx.config.keys);
      const needsKey =
        route.auth === "required" ||
        (route.auth === "public-in-official" && dialect === "reference");
      if (needsKey && key === null) {
        sendApiError(res, dialect, 401, AUTH_ERROR, {
          details: "Send a valid key as `X-API-Key: <key>` or `Authorization: Bearer <key>`.",
        });
        return true;
      }
      const limitedKey = needsKey ? key : null;

      const fault = takeNextFault(ctx.config, method, path);
      if (fault !== null && (await playFault(ctx, res, fault, limitedKey)) === "handled")
        return true;
      if (ctx.config.errorRate > 0 && Math.random() < ctx.config.errorRate) {
        sendFaultStatus(ctx, res, 500, undefined, limitedKey);
        return true;
      }

      // The official platform has no per-minute limit and sends no X-RateLimit-* headers.
      if (limitedKey !== null && dialect === "reference") {
        const state = ctx.rateLimiter.hit(limitedKey);
        for (const [name, value] of Object.entries(rateLimitHeaders(state)))
          res.setHeader(name, value);
        if (!state.allowed) {
          sendApiError(res, dialect, 429, "Rate limit exceeded", {
            headers: { "Retry-After": String(retryAfterSeconds(state)) },
          });
          return true;
        }
      }
      if (ctx.config.latencyMs > 0) await ctx.scheduler.sleep(ctx.config.latencyMs);
      await route.handle({ req, res, url, params: match.params, key, dialect, ctx });
      return true;
    },
  };
}
