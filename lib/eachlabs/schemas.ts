import "server-only";
import { z } from "zod";

// Liberal readers of upstream answers: the reference and the official docs disagree on
// details (status words, version strings, extra fields), so only what we use is required.

export const upstreamModelSchema = z.looseObject({
  title: z.string().catch(""),
  slug: z.string().min(1),
  version: z.coerce.string().catch("1.0.0"),
  output_type: z.string().catch("string"),
  request_schema: z.record(z.string(), z.unknown()).catch({}),
});

export const modelListSchema = z.union([
  z.array(z.unknown()),
  z.looseObject({ models: z.array(z.unknown()) }).transform((value) => value.models),
  z.looseObject({ data: z.array(z.unknown()) }).transform((value) => value.data),
]);

export const createPredictionSchema = z.looseObject({
  predictionID: z.string().optional(),
  prediction_id: z.string().optional(),
  id: z.string().optional(),
});

const number = z.coerce.number().nullable().optional().catch(null);

export const predictionSchema = z.looseObject({
  id: z.string().optional(),
  status: z.string().catch("processing"),
  input: z.unknown().optional(),
  output: z.unknown().optional(),
  logs: z.unknown().optional(),
  error: z.unknown().optional(),
  metrics: z.looseObject({ predict_time: number, cost: number }).nullable().optional().catch(null),
  urls: z
    .looseObject({ cancel: z.string().optional(), get: z.string().optional() })
    .nullable()
    .optional()
    .catch(null),
});
export type UpstreamPrediction = z.infer<typeof predictionSchema>;

export const presignSchema = z.looseObject({
  id: z.string(),
  presigned_url: z.string().url(),
  public_url: z.string().url(),
  required_headers: z.record(z.string(), z.string()).optional().catch({}),
});
