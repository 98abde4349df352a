import type { CatalogModel } from "../catalog/catalog-model.js";
import type { Markers } from "./markers.js";
import type { Outcome } from "./prediction-record.js";

// From the reference's Content Safety section.
export const NSFW_DISABLE_ALLOWED: ReadonlySet<string> = new Set([
  "wan-v2-6-text-to-video",
  "wan-v2-6-image-to-video",
  "seedream-v4-5",
]);

export interface OutcomeInputs {
  model: CatalogModel;
  input: Record<string, unknown>;
  resolvedInput: Record<string, unknown>;
  markers: Markers;
  runMs: number;
  failRate: number;
  /** Returns true the first time this input is seen (for `[[fail-once]]`). */
  firstSighting: () => boolean;
  random: () => number;
}

/** Decides at creation how a prediction will end, so its timeline can be scheduled up front. */
export function planOutcome(inputs: OutcomeInputs): Outcome {
  const { model, markers, runMs } = inputs;
  if (mentionsNsfw(inputs.input) && !safetyCheckerDisabled(model, inputs.resolvedInput)) {
    // The reference's failed-webhook example carries exactly this log line.
    return {
      kind: "fail",
      code: "CONTENT_FILTER",
      logs: "Error: content filter triggered",
      afterMs: runMs * 0.6,
    };
  }
  if (markers.hang) return { kind: "hang" };
  if (markers.fail !== null) {
    return {
      kind: "fail",
      code: "EXECUTION_FAILED",
      logs: failureLogs(model.slug, markers.fail),
      afterMs: runMs * 0.7,
    };
  }
  if (markers.timeout) {
    return {
      kind: "fail",
      code: "EXECUTION_TIMEOUT",
      logs: failureLogs(
        model.slug,
        "EXECUTION_TIMEOUT: prediction exceeded the maximum execution time",
      ),
      afterMs: runMs * 3,
    };
  }
  if (markers.failOnce && inputs.firstSighting()) {
    return {
      kind: "fail",
      code: "PROVIDER_FAILED",
      logs: failureLogs(
        model.slug,
        "upstream provider failed (transient); retrying the same request will succeed",
      ),
      afterMs: runMs * 0.5,
    };
  }
  if (inputs.failRate > 0 && inputs.random() < inputs.failRate) {
    return {
      kind: "fail",
      code: "PROVIDER_FAILED",
      logs: failureLogs(
        model.slug,
        "CUDA out of memory. Tried to allocate 2.00 GiB (simulated by --fail-rate)",
      ),
      afterMs: runMs * 0.8,
    };
  }
  return { kind: "success" };
}

/** Log lines shaped like a real worker's, ending in the `Error:` line clients show. */
export function failureLogs(slug: string, reason: string): string {
  return [
    `Starting prediction for ${slug}`,
    "Loading model weights... done",
    "Running inference...",
    `Error: ${reason}`,
  ].join("\n");
}

function mentionsNsfw(input: Record<string, unknown>): boolean {
  return Object.entries(input).some(
    ([field, value]) =>
      /prompt|^text$|^lyrics$/i.test(field) && typeof value === "string" && /\bnsfw\b/i.test(value),
  );
}

function safetyCheckerDisabled(
  model: CatalogModel,
  resolvedInput: Record<string, unknown>,
): boolean {
  const setting = resolvedInput.enable_safety_checker;
  const disabled =
    setting === false || (typeof setting === "string" && /^(false|0|no|off)$/i.test(setting));
  return disabled && NSFW_DISABLE_ALLOWED.has(model.slug);
}
