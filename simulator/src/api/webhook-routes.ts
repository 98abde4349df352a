import type { Router } from "../http/router.js";
import { sendJson } from "../http/respond.js";
import { deliveryDetail, deliverySummary } from "../webhooks/webhook-delivery.js";
import { requireKey, type ApiCall, type ApiRoute } from "./api-route.js";
import { sendApiError } from "./errors.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;

export function registerWebhookRoutes(router: Router<ApiRoute>): void {
  router.add("GET", "/v1/webhooks", { auth: "required", handle: listWebhooks });
  router.add("GET", "/v1/webhooks/:executionId", { auth: "required", handle: getWebhook });
}

function listWebhooks(call: ApiCall): void {
  const limit = parseCount(call.url.searchParams.get("limit"), DEFAULT_LIMIT, 1, MAX_LIMIT);
  const offset = parseCount(call.url.searchParams.get("offset"), 0, 0, Number.MAX_SAFE_INTEGER);
  if (limit === null || offset === null) {
    sendApiError(
      call.res,
      call.dialect,
      400,
      limit === null ? "invalid limit parameter" : "invalid offset parameter",
    );
    return;
  }
  const all = call.ctx.webhooks.list(requireKey(call));
  sendJson(call.res, 200, {
    webhooks: all.slice(offset, offset + limit).map(deliverySummary),
    limit,
    offset,
    total_count: all.length,
  });
}

function getWebhook(call: ApiCall): void {
  const executionId = call.params.executionId ?? "";
  if (!UUID.test(executionId)) {
    sendApiError(call.res, call.dialect, 400, "invalid execution_id");
    return;
  }
  const delivery = call.ctx.webhooks.get(executionId.toLowerCase());
  if (delivery === undefined || delivery.key !== call.key) {
    sendApiError(call.res, call.dialect, 404, "webhook not found");
    return;
  }
  sendJson(call.res, 200, deliveryDetail(delivery));
}

function parseCount(raw: string | null, fallback: number, min: number, max: number): number | null {
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw.trim())) return null;
  const value = Number(raw.trim());
  return value >= min && value <= max ? value : null;
}
