import "server-only";
import type { UpstreamModel } from "../shared/catalog-types";
import { AppError } from "../shared/errors";
import {
  createPredictionSchema,
  modelListSchema,
  predictionSchema,
  presignSchema,
  upstreamModelSchema,
  type UpstreamPrediction,
} from "./schemas";
import { callUpstream, type UpstreamRequest } from "./upstream";
import { UpstreamError } from "./upstream-error";

/** Which each::labs to call and with whose key. */
export type EachlabsAccess = {
  apiKey: string;
  keySource: "server" | "user";
  urls: { api: string; workflows: string; sense: string };
};

type Options = Pick<UpstreamRequest, "timeoutMs" | "retries" | "signal" | "maxWaitMs">;

function parseModel(value: unknown): UpstreamModel | null {
  const parsed = upstreamModelSchema.safeParse(value);
  return parsed.success ? (parsed.data as UpstreamModel) : null;
}

const PAGE = 500; // the API's largest page

/** The whole catalog, page by page (`GET /v1/models` needs no key). */
export async function listModels(
  access: EachlabsAccess,
  options: Options = {},
): Promise<UpstreamModel[]> {
  const models: UpstreamModel[] = [];
  for (let offset = 0; offset < 100_000; offset += PAGE) {
    const body = await callUpstream({
      url: `${access.urls.api}/v1/models?limit=${PAGE}&offset=${offset}`,
      timeoutMs: 20_000,
      ...options,
    });
    const page = modelListSchema.parse(body);
    models.push(...page.map(parseModel).filter((model): model is UpstreamModel => model !== null));
    if (page.length < PAGE) break;
  }
  return models;
}

/** One model. The official `GET /v1/models/{slug}` first, then the reference's `GET /v1/model?slug=`. */
export async function getModel(
  access: EachlabsAccess,
  slug: string,
  options: Options = {},
): Promise<UpstreamModel> {
  const slugPart = encodeURIComponent(slug);
  let body: unknown;
  try {
    body = await callUpstream({
      url: `${access.urls.api}/v1/models/${slugPart}`,
      apiKey: access.apiKey,
      ...options,
    });
  } catch (error) {
    if (!(error instanceof UpstreamError) || (error.status !== 404 && error.status !== 405))
      throw error;
    body = await callUpstream({
      url: `${access.urls.api}/v1/model?slug=${slugPart}`,
      apiKey: access.apiKey,
      ...options,
    });
  }
  const model = parseModel(body);
  if (!model)
    throw new AppError("upstream:model", "each::labs sent a model description we could not read.");
  return model;
}

export async function createPrediction(
  access: EachlabsAccess,
  request: {
    model: string;
    version: string;
    input: Record<string, unknown>;
    webhookUrl?: string | undefined;
    webhookSecret?: string | undefined;
  },
  options: Options = {},
): Promise<string> {
  const body = await callUpstream({
    method: "POST",
    url: `${access.urls.api}/v1/prediction`,
    apiKey: access.apiKey,
    body: {
      model: request.model,
      version: request.version,
      input: request.input,
      ...(request.webhookUrl
        ? { webhook_url: request.webhookUrl, webhook_secret: request.webhookSecret }
        : {}),
    },
    ...options,
  });
  const created = createPredictionSchema.parse(body);
  const id = created.predictionID ?? created.prediction_id ?? created.id;
  if (!id)
    throw new AppError(
      "upstream:prediction",
      "each::labs accepted the run but sent no prediction id.",
    );
  return id;
}

export async function getPrediction(
  access: EachlabsAccess,
  id: string,
  options: Options = {},
): Promise<UpstreamPrediction> {
  const body = await callUpstream({
    url: `${access.urls.api}/v1/prediction/${encodeURIComponent(id)}`,
    apiKey: access.apiKey,
    timeoutMs: 15_000,
    ...options,
  });
  return predictionSchema.parse(body);
}

/** Best effort: upstream may still finish the prediction. */
export async function cancelPrediction(
  access: EachlabsAccess,
  id: string,
  options: Options = {},
): Promise<void> {
  await callUpstream({
    method: "POST",
    url: `${access.urls.api}/v1/prediction/${encodeURIComponent(id)}/cancel`,
    apiKey: access.apiKey,
    ...options,
  });
}

/** Step one of an upload: a URL to PUT the bytes to, and the public URL they will have. */
export async function presignUpload(
  access: EachlabsAccess,
  contentType: string,
  fileType: "image" | "video" | "audio" | "other",
) {
  const body = await callUpstream({
    method: "POST",
    url: `${access.urls.api}/v1/upload/presign`,
    apiKey: access.apiKey,
    body: { content_type: contentType, file_type: fileType },
  });
  return presignSchema.parse(body);
}
