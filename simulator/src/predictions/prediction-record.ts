import type { CatalogModel } from "../catalog/catalog-model.js";
import type { MediaKind } from "../options.js";
import type { Markers } from "./markers.js";

/** Internal phases; each dialect names them in prediction-view.ts. */
export type Phase = "queued" | "processing" | "success" | "failed" | "cancelled";

export const TERMINAL_PHASES: ReadonlySet<Phase> = new Set(["success", "failed", "cancelled"]);

/** Upper-case codes as the official platform puts in failure envelopes. */
export type FailureCode =
  | "CONTENT_FILTER"
  | "EXECUTION_FAILED"
  | "PROVIDER_FAILED"
  | "EXECUTION_TIMEOUT"
  | "INTERNAL_ERROR";

export type Outcome =
  | { kind: "success" }
  | { kind: "fail"; code: FailureCode; logs: string; afterMs: number }
  | { kind: "hang" };

export interface PredictionRecord {
  id: string;
  /** The API key that created it; predictions are visible only to that key. */
  key: string;
  model: CatalogModel;
  kind: MediaKind;
  /** Exactly what the client sent, echoed back in responses and webhooks. */
  input: Record<string, unknown>;
  /** Coerced, with schema defaults applied: what generation and pricing read. */
  resolvedInput: Record<string, unknown>;
  seed: number;
  phase: Phase;
  outcome: Outcome;
  output: unknown;
  logs: string | null;
  failureCode: FailureCode | null;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
  estimatedCost: number;
  cost: number | null;
  /** Simulated seconds of processing, as reported in metrics.predict_time. */
  predictTime: number | null;
  queueMs: number;
  runMs: number;
  webhook: { url: string; secret: string | null } | null;
  markers: Markers;
  /** Settles when the prediction reaches a terminal phase (sync runs wait on it). */
  settled: Promise<void>;
}

export function isTerminal(record: PredictionRecord): boolean {
  return TERMINAL_PHASES.has(record.phase);
}
