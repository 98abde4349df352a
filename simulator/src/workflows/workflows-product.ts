import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate } from "../api/auth.js";
import { AUTH_ERROR, sendApiError } from "../api/errors.js";
import { playFault, sendFaultStatus } from "../api/fault-response.js";
import { rateLimitHeaders, retryAfterSeconds } from "../api/rate-limiter.js";
import type { SimulatorContext } from "../context.js";
import { takeNextFault } from "../http/next-rules.js";
import { Router } from "../http/router.js";
import type { Dialect } from "../options.js";
import type { Product } from "../products.js";
import { registerWorkflowBackend } from "../sense/workflow-store.js";
import { senseEngine, senseStore } from "./sense-bridge.js";
import {
  bulkTrigger,
  createWorkflow,
  getExecution,
  getPublicVersion,
  getWorkflow,
  listCategories,
  listExecutions,
  listWorkflows,
  putVersion,
  trigger,
  triggerPublic,
  updateWorkflow,
} from "./workflow-routes.js";
import { workflowsFor, type WorkflowsService } from "./workflows-service.js";

export interface WorkflowCall {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  /** The caller's valid key; null only on public routes called without one. */
  key: string | null;
  dialect: Dialect;
  ctx: SimulatorContext;
  service: WorkflowsService;
}

export interface WorkflowRoute {
  /** Public routes (shared versions) run without a key; the handler decides about keys itself. */
  auth: "required" | "public";
  handle(call: WorkflowCall): Promise<void> | void;
}

/** Reference paths, under `/workflows/api/v1` (the reference's `https://workflows.eachlabs.run/api/v1`). */
function referenceRoutes(): Router<WorkflowRoute> {
  return new Router<WorkflowRoute>()
    .add("GET", "/categories", { auth: "required", handle: listCategories })
    .add("GET", "/workflows", { auth: "required", handle: listWorkflows })
    .add("POST", "/workflows", { auth: "required", handle: createWorkflow })
    .add("GET", "/workflows/:id", { auth: "required", handle: getWorkflow })
    .add("PUT", "/workflows/:id", { auth: "required", handle: updateWorkflow })
    .add("PUT", "/workflows/:id/versions/:versionId", { auth: "required", handle: putVersion })
    .add("GET", "/workflows/:id/executions", { auth: "required", handle: listExecutions })
    .add("GET", "/executions/:executionId", { auth: "required", handle: getExecution })
    .add("GET", "/public/:nickname/workflows/:slug/versions/:versionId", {
      auth: "public",
      handle: getPublicVersion,
    })
    .add("POST", "/public/:nickname/workflows/:slug/versions/:versionId/trigger", {
      auth: "public",
      handle: triggerPublic,
    })
    .add("POST", "/:id/trigger", { auth: "required", handle: trigger })
    .add("POST", "/:id/bulk-trigger", { auth: "required", handle: bulkTrigger });
}

/** Official paths under `/v1/workflows` (the official `https://api.eachlabs.ai/v1`). */
function officialRoutes(): Router<WorkflowRoute> {
  return new Router<WorkflowRoute>()
    .add("GET", "/", { auth: "required", handle: listWorkflows })
    .add("POST", "/", { auth: "required", handle: createWorkflow })
    .add("GET", "/categories", { auth: "required", handle: listCategories })
    .add("GET", "/executions/:executionId", { auth: "required", handle: getExecution })
    .add("POST", "/trigger/:id/:versionId", { auth: "required", handle: trigger })
    .add("POST", "/bulk-trigger/:id/:versionId", { auth: "required", handle: bulkTrigger })
    .add("GET", "/:id", { auth: "required", handle: getWorkflow })
    .add("PUT", "/:id", { auth: "required", handle: updateWorkflow })
    .add("PUT", "/:id/versions/:versionId", { auth: "required", handle: putVersion })
    .add("GET", "/:id/executions", { auth: "required", handle: listExecutions });
}

/** Official public paths under `/v1/public`. */
function officialPublicRoutes(): Router<WorkflowRoute> {
  return new Router<WorkflowRoute>()
    .add("GET", "/:nickname/workflows/:slug/versions/:versionId", {
      auth: "public",
      handle: getPublicVersion,
    })
    .add("POST", "/:nickname/workflows/:slug/versions/:versionId/trigger", {
      auth: "public",
      handle: triggerPublic,
    });
}

/** The service, with each::sense's store and engine pointed at it (once per simulator). */
function setUp(ctx: SimulatorContext): WorkflowsService {
  const service = workflowsFor(ctx);
  registerWorkflowBackend(ctx, senseStore(service), senseEngine(ctx, service));
  return service;
}

/**
 * each::workflows at `/workflows/api/v1` (reference paths). The official paths
 * are the two products below; all three are served in both dialects (the
 * dialect changes bodies and rules, not the route table) and share one service.
 */
export function createWorkflowsProduct(ctx: SimulatorContext): Product {
  return workflowsProduct(ctx, "each::workflows", "/workflows/api/v1", referenceRoutes());
}

/** each::workflows' official paths: `/v1/workflows/...` (longer than each::api's `/`, so it wins). */
export function createOfficialWorkflowsProduct(ctx: SimulatorContext): Product {
  return workflowsProduct(ctx, "each::workflows (official)", "/v1/workflows", officialRoutes());
}

/** each::workflows' official public links: `/v1/public/@{nickname}/workflows/...`. */
export function createPublicWorkflowsProduct(ctx: SimulatorContext): Product {
  return workflowsProduct(
    ctx,
    "each::workflows (official public)",
    "/v1/public",
    officialPublicRoutes(),
  );
}

/**
 * Pipeline, as each::api's: route → auth → queued `next` faults aimed at this
 * path (rules need a `path`, e.g. `/workflows/api/v1` or `/v1/workflows/trigger`)
 * → random errors → rate limit (reference: the key's each::api window) →
 * latency → handler.
 */
function workflowsProduct(
  ctx: SimulatorContext,
  name: string,
  prefix: string,
  router: Router<WorkflowRoute>,
): Product {
  const service = setUp(ctx);
  return {
    name,
    prefix,
    async handle(req, res, url, path) {
      const method = req.method ?? "GET";
      const match = router.match(method, path);
      const dialect = ctx.config.dialect;
      if (match.kind === "none") {
        sendApiError(res, dialect, 404, "Not found", {
          details: `no route for ${method} ${url.pathname}`,
        });
        return true;
      }
      if (match.kind === "wrong-method") {
        sendApiError(res, dialect, 405, "Method not allowed", {
          headers: { Allow: match.allowed.join(", ") },
        });
        return true;
      }
      const route = match.entry;
      const key = authenticate(req, ctx.config.keys);
      if (route.auth === "required" && key === null) {
        sendApiError(res, dialect, 401, AUTH_ERROR, {
          details: "Send a valid key as `X-API-Key: <key>` or `Authorization: Bearer <key>`.",
        });
        return true;
      }
      const limitedKey = route.auth === "required" ? key : null;
      const fault = takeNextFault(ctx.config, method, url.pathname, true);
      if (fault !== null && (await playFault(ctx, res, fault, limitedKey)) === "handled")
        return true;
      if (ctx.config.errorRate > 0 && Math.random() < ctx.config.errorRate) {
        sendFaultStatus(ctx, res, 500, undefined, limitedKey);
        return true;
      }
      if (limitedKey !== null && dialect === "reference") {
        const state = ctx.rateLimiter.hit(limitedKey);
        for (const [header, value] of Object.entries(rateLimitHeaders(state)))
          res.setHeader(header, value);
        if (!state.allowed) {
          sendApiError(res, dialect, 429, "Rate limit exceeded", {
            headers: { "Retry-After": String(retryAfterSeconds(state)) },
          });
          return true;
        }
      }
      if (ctx.config.latencyMs > 0) await ctx.scheduler.sleep(ctx.config.latencyMs);
      await route.handle({ req, res, url, params: match.params, key, dialect, ctx, service });
      return true;
    },
  };
}
