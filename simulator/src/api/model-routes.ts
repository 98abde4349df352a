import type { Router } from "../http/router.js";
import { sendJson } from "../http/respond.js";
import type { ApiCall, ApiRoute } from "./api-route.js";
import { sendApiError } from "./errors.js";
import { modelDetailView, modelView } from "./model-view.js";

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;

export function registerModelRoutes(router: Router<ApiRoute>): void {
  router.add("GET", "/v1/models", { auth: "public", handle: listModels });
  router.add("GET", "/v1/model", {
    auth: "public-in-official",
    handle: (call) => getModel(call, call.url.searchParams.get("slug")),
  });
  // The newer official path; served in both dialects, with the reference's auth rule.
  router.add("GET", "/v1/models/:slug", {
    auth: "public-in-official",
    handle: (call) => getModel(call, call.params.slug ?? null),
  });
}

function listModels(call: ApiCall): void {
  const { searchParams } = call.url;
  const limit = parseCount(searchParams.get("limit"), DEFAULT_LIMIT, 1, MAX_LIMIT);
  if (limit === null) {
    sendApiError(call.res, call.dialect, 400, "invalid limit parameter", {
      details: `limit must be an integer from 1 to ${MAX_LIMIT}`,
    });
    return;
  }
  const offset = parseCount(searchParams.get("offset"), 0, 0, Number.MAX_SAFE_INTEGER);
  if (offset === null) {
    sendApiError(call.res, call.dialect, 400, "invalid offset parameter", {
      details: "offset must be a non-negative integer",
    });
    return;
  }
  const models = call.ctx.catalog.list({
    name: searchParams.get("name") ?? undefined,
    limit,
    offset,
  });
  sendJson(
    call.res,
    200,
    models.map((model) => modelView(model, call.dialect)),
  );
}

function getModel(call: ApiCall, slug: string | null): void {
  if (slug === null || slug.trim() === "") {
    sendApiError(call.res, call.dialect, 400, "slug parameter is required");
    return;
  }
  const model = call.ctx.catalog.find(slug.trim());
  if (model === undefined) {
    sendApiError(call.res, call.dialect, 404, "Failed to fetch model: model not found", {
      details: `no model with slug "${slug}"`,
    });
    return;
  }
  sendJson(call.res, 200, modelDetailView(model, call.ctx.catalog.kindOf(model), call.dialect));
}

/** Strict: "10" is fine, "10.5", "ten", "" and out-of-range values are not. */
function parseCount(raw: string | null, fallback: number, min: number, max: number): number | null {
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw.trim())) return null;
  const value = Number(raw.trim());
  return value >= min && value <= max ? value : null;
}
