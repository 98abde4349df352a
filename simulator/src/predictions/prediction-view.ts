import type { Dialect } from "../options.js";
import type { Phase, PredictionRecord } from "./prediction-record.js";
import { isTerminal } from "./prediction-record.js";

const STATUS_NAMES: Record<Dialect, Record<Phase, string>> = {
  // Reference: starting → processing → success | failed | cancelled.
  reference: {
    queued: "starting",
    processing: "processing",
    success: "success",
    failed: "failed",
    cancelled: "cancelled",
  },
  // Official: REST creates write "created" first, and failure is "error".
  official: {
    queued: "created",
    processing: "processing",
    success: "success",
    failed: "error",
    cancelled: "cancelled",
  },
};

export function statusName(record: PredictionRecord, dialect: Dialect): string {
  return STATUS_NAMES[dialect][record.phase];
}

export function predictionUrls(
  record: PredictionRecord,
  publicUrl: string,
): { cancel: string; get: string } {
  const get = `${publicUrl}/v1/prediction/${record.id}`;
  return { cancel: `${get}/cancel`, get };
}

/** The documented prediction object: id, status, input, output, logs, metrics, urls. */
export function predictionView(
  record: PredictionRecord,
  dialect: Dialect,
  publicUrl: string,
): Record<string, unknown> {
  return {
    id: record.id,
    status: statusName(record, dialect),
    input: record.input,
    output: outputFor(record, dialect),
    logs: record.logs,
    metrics: metricsFor(record, dialect),
    urls: predictionUrls(record, publicUrl),
  };
}

/** The error envelope replaces output on official failures; the reference keeps output null. */
function outputFor(record: PredictionRecord, dialect: Dialect): unknown {
  if (record.phase === "success") return record.output;
  if (record.phase === "failed" && dialect === "official") {
    return {
      error_code: record.failureCode ?? "EXECUTION_FAILED",
      error_message: lastErrorLine(record.logs),
    };
  }
  return null;
}

/** Official reports 0 (not null) while a prediction runs; the reference leaves both null until it ends. */
export function metricsFor(
  record: PredictionRecord,
  dialect: Dialect,
): { predict_time: number | null; cost: number | null } {
  if (!isTerminal(record)) {
    return dialect === "official"
      ? { predict_time: 0, cost: 0 }
      : { predict_time: null, cost: null };
  }
  return { predict_time: record.predictTime ?? 0, cost: record.cost ?? 0 };
}

export function lastErrorLine(logs: string | null): string {
  const line = (logs ?? "")
    .split("\n")
    .reverse()
    .find((entry) => entry.startsWith("Error:"));
  return line === undefined ? "prediction failed" : line.slice("Error:".length).trim();
}
