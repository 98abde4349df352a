import type { CatalogModel } from "../catalog/catalog-model.js";
import { isPlainObject, readJsonBody } from "../http/read-body.js";
import type { MediaKind } from "../options.js";
import { checkPlatformLimits } from "../validation/platform-limits.js";
import type { FieldProblem } from "../validation/validate-input.js";
import type { ApiCall } from "./api-route.js";

const DOCUMENTED_VERSION = "1.0.0";

export interface CreateRequest {
  model: CatalogModel;
  kind: MediaKind;
  input: Record<string, unknown>;
  resolvedInput: Record<string, unknown>;
  webhook: { url: string; secret: string | null } | null;
}

export interface CreateProblem {
  status: number;
  error: string;
  details?: string | FieldProblem[];
}

/**
 * Reads and checks a create-prediction body, in the order a client can fix
 * things: body → required fields → model → version → platform limits → schema.
 */
export async function parseCreateRequest(
  call: ApiCall,
): Promise<{ ok: true; value: CreateRequest } | { ok: false; problem: CreateProblem }> {
  const fail = (problem: CreateProblem): { ok: false; problem: CreateProblem } => ({
    ok: false,
    problem,
  });
  const official = call.dialect === "official";
  const body = await readJsonBody(call.req);
  if (!body.ok) {
    return fail(
      body.reason === "too-large"
        ? { status: 413, error: "request body too large" }
        : { status: 400, error: "invalid request body", details: "the body must be a JSON object" },
    );
  }
  if (!isPlainObject(body.value))
    return fail({
      status: 400,
      error: "invalid request body",
      details: "the body must be a JSON object",
    });
  const fields = body.value;

  // The reference lists 422 for missing required fields; the official API answers 400.
  const missingStatus = official ? 400 : 422;
  const missing = (field: string): CreateProblem => ({
    status: missingStatus,
    error: `${field} field is required`,
    details: [{ field, message: "is required" }],
  });
  if (typeof fields.model !== "string" || fields.model.trim() === "") return fail(missing("model"));
  // Official: `version` is deprecated and ignored.
  if (!official && (typeof fields.version !== "string" || fields.version.trim() === ""))
    return fail(missing("version"));
  if (fields.input === undefined || fields.input === null) return fail(missing("input"));
  if (!isPlainObject(fields.input)) {
    return fail({
      status: 400,
      error: "Invalid input for model: input must be an object",
      details: [{ field: "input", message: "must be an object" }],
    });
  }

  const slug = fields.model.trim();
  const model = call.ctx.catalog.find(slug);
  if (model === undefined)
    return fail({
      status: 404,
      error: `model not found: ${slug}`,
      details: `no model with slug "${slug}"`,
    });
  // The reference says every model is "1.0.0", yet catalogs list others (each-upscaler is
  // "0.0.1"): accept either, and refuse anything else so a typo does not pass silently.
  const versions = [...new Set([model.version, DOCUMENTED_VERSION])];
  if (!official && !versions.includes(String(fields.version))) {
    return fail({
      status: 400,
      error: `invalid version "${String(fields.version)}" for model ${slug}; use "${model.version}"`,
      details: [
        {
          field: "version",
          message: `must be ${versions.map((version) => `"${version}"`).join(" or ")}`,
        },
      ],
    });
  }

  const input = fields.input;
  const limitProblems = checkPlatformLimits(input);
  if (limitProblems.length > 0) return fail(inputProblem(422, limitProblems, official));
  const validation = call.ctx.catalog.validatorFor(model)(input);
  if (!validation.ok) return fail(inputProblem(400, validation.problems, official));

  const webhook = parseWebhook(fields.webhook_url, fields.webhook_secret);
  if (typeof webhook === "string")
    return fail({
      status: 400,
      error: webhook,
      details: [{ field: "webhook_url", message: "must be an http(s) URL" }],
    });

  return {
    ok: true,
    value: {
      model,
      kind: call.ctx.catalog.kindOf(model),
      input,
      resolvedInput: validation.value,
      webhook,
    },
  };
}

/** Reference: the first problem in the message; official: the documented fixed message. Both carry all problems. */
function inputProblem(status: number, problems: FieldProblem[], official: boolean): CreateProblem {
  const first = problems[0];
  const error =
    official || first === undefined
      ? "Invalid input for model"
      : `Invalid input for model: ${first.field} ${first.message}`;
  return { status, error, details: problems };
}

function parseWebhook(url: unknown, secret: unknown): CreateRequest["webhook"] | string {
  if (url === undefined || url === null || url === "") return null;
  if (typeof url !== "string") return "invalid webhook_url: must be an http(s) URL";
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
      return "invalid webhook_url: must be an http(s) URL";
  } catch {
    return "invalid webhook_url: must be an http(s) URL";
  }
  return { url, secret: typeof secret === "string" && secret !== "" ? secret : null };
}
