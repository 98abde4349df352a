import "server-only";
import { z } from "zod";
import type { PredictionReport } from "./apply-prediction";

// Both documented shapes: the reference's {id, status, output, input, metrics | logs} and the
// official {exec_id, flow_id, status: "succeeded" | "failed", output, error}.
const payloadSchema = z.looseObject({
  id: z.string().optional(),
  exec_id: z.string().optional(),
  status: z.string(),
  output: z.unknown().optional(),
  logs: z.unknown().optional(),
  error: z.unknown().optional(),
  metrics: z
    .looseObject({
      predict_time: z.coerce.number().nullable().optional(),
      cost: z.coerce.number().nullable().optional(),
    })
    .nullable()
    .optional()
    .catch(null),
});

/** The official failure puts its reason in `output[0].error` (a string or {error_code, error_message}). */
function officialFailure(output: unknown): string | undefined {
  if (!Array.isArray(output)) return undefined;
  const reasons = output.flatMap((item: unknown) => {
    const error = (item as { error?: unknown } | null)?.error;
    if (typeof error === "string" && error) return [error];
    if (error && typeof error === "object") {
      const { error_code, error_message } = error as {
        error_code?: unknown;
        error_message?: unknown;
      };
      return [[error_code, error_message].filter(Boolean).join(": ")];
    }
    return [];
  });
  return reasons.length > 0 ? reasons.join("\n") : undefined;
}

export function parseWebhookPayload(
  body: unknown,
): { predictionId: string | undefined; report: PredictionReport } | null {
  const parsed = payloadSchema.safeParse(body);
  if (!parsed.success) return null;
  const payload = parsed.data;
  const failed = /^(failed|error)$/i.test(payload.status);
  return {
    predictionId: payload.id ?? payload.exec_id,
    report: {
      status: payload.status,
      output: failed ? undefined : payload.output,
      logs: payload.logs ?? (failed ? officialFailure(payload.output) : undefined),
      error: typeof payload.error === "string" && payload.error === "" ? undefined : payload.error,
      predictTime: payload.metrics?.predict_time ?? null,
      cost: payload.metrics?.cost ?? null,
    },
  };
}
