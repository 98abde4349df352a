import type { Dialect } from "../options.js";
import type { PredictionRecord } from "../predictions/prediction-record.js";
import { lastErrorLine, metricsFor } from "../predictions/prediction-view.js";

/**
 * The body POSTed on a terminal state, or null when the dialect sends none
 * (the official platform does not call webhooks for cancelled predictions).
 */
export function webhookPayload(
  record: PredictionRecord,
  dialect: Dialect,
): Record<string, unknown> | null {
  if (dialect === "official") {
    if (record.phase === "cancelled") return null;
    if (record.phase === "success") {
      return {
        exec_id: record.id,
        flow_id: null,
        status: "succeeded",
        output: record.output,
        error: "",
      };
    }
    return {
      exec_id: record.id,
      flow_id: null,
      status: "failed",
      // Newer official payloads carry an error object inside output[0]; top-level error stays "".
      output: [
        {
          id: "",
          status: "",
          output: "",
          error: {
            error_code: record.failureCode ?? "EXECUTION_FAILED",
            error_message: lastErrorLine(record.logs),
          },
        },
      ],
      error: "",
    };
  }
  if (record.phase === "success") {
    return {
      id: record.id,
      status: "success",
      output: record.output,
      input: record.input,
      metrics: metricsFor(record, dialect),
    };
  }
  if (record.phase === "failed") {
    return {
      id: record.id,
      status: "failed",
      output: null,
      input: record.input,
      logs: record.logs,
    };
  }
  // The reference documents no cancel payload; one in the success shape lets a client stop waiting.
  return {
    id: record.id,
    status: "cancelled",
    output: null,
    input: record.input,
    metrics: metricsFor(record, dialect),
  };
}
