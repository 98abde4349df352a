/**
 * Why a step attempt failed. `retry.retry_on` lists these kinds; without it
 * every kind is retried except the ones in NEVER_RETRIED (retrying cannot help).
 */
export type StepErrorKind =
  | "timeout"
  | "server_error"
  | "client_error"
  | "network_error"
  | "content_filter"
  | "rate_limited"
  | "payment_required"
  | "invalid_input"
  | "not_found"
  | "template_error"
  | "blocked"
  | "python_error"
  | "memory_limit"
  | "condition_error"
  | "cancelled";

export const NEVER_RETRIED: ReadonlySet<StepErrorKind> = new Set([
  "invalid_input",
  "not_found",
  "template_error",
  "blocked",
  "condition_error",
  "cancelled",
]);

export class StepFailure extends Error {
  constructor(
    readonly kind: StepErrorKind,
    message: string,
    /** Facts about the failed attempt (prediction id, status code...), merged into the step's metadata. */
    readonly metadata: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function asStepFailure(error: unknown): StepFailure {
  if (error instanceof StepFailure) return error;
  return new StepFailure(
    "server_error",
    error instanceof Error ? error.message : `unexpected error: ${String(error)}`,
  );
}
