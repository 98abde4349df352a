// Prediction statuses from both upstream dialects, folded into the few the app shows.
// Reference: starting → processing → success | failed | cancelled.
// Official:  created → (starting) → processing → success | error | cancelled.

export const RUN_STATUSES = [
  "queued",
  "starting",
  "processing",
  "succeeded",
  "failed",
  "cancelled",
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

const TERMINAL: ReadonlySet<RunStatus> = new Set(["succeeded", "failed", "cancelled"]);

export function isTerminal(status: RunStatus): boolean {
  return TERMINAL.has(status);
}

/** Maps an upstream status word to ours; unknown words count as still processing. */
export function normalizeStatus(upstream: string | null | undefined): RunStatus {
  switch ((upstream ?? "").toLowerCase()) {
    case "created":
    case "queued":
    case "pending":
      return "queued";
    case "starting":
      return "starting";
    case "success":
    case "succeeded":
    case "completed":
      return "succeeded";
    case "failed":
    case "error":
      return "failed";
    case "cancelled":
    case "canceled":
      return "cancelled";
    default:
      return "processing";
  }
}

export const STATUS_LABELS: Record<RunStatus, string> = {
  queued: "Queued",
  starting: "Starting",
  processing: "Processing",
  succeeded: "Done",
  failed: "Failed",
  cancelled: "Cancelled",
};
