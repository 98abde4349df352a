// Which of our stored copies belongs to which step output. The server files each media URL of
// an execution once, under the first model step (in definition order) that reported it, then
// the final output's remaining URLs under "output" (lib/workflows/save-outputs.ts). The same
// walk here maps an upstream URL to its stored asset without ever showing that URL.
import type { ExecutionAssetView, WorkflowExecutionView } from "@/lib/shared/workflow-api";
import { outputUrls } from "@/lib/shared/run-output";
import { allSteps, isRecord, stepIdOf, stepOutputsById } from "@/lib/shared/workflow-types";

export const FINAL_OUTPUT_STEP = "output";

export type MediaSlot = { stepId: string; position: number };

type ExecutionMediaSource = Pick<
  WorkflowExecutionView,
  "definition" | "stepOutputs" | "output" | "assets"
>;

/** Upstream URL → where its copy is filed (stepId, position). */
export function mediaSlots(execution: ExecutionMediaSource): Map<string, MediaSlot> {
  const reports = stepOutputsById(execution.stepOutputs);
  const steps = isRecord(execution.definition) ? allSteps(execution.definition) : [];
  const known = steps.map(stepIdOf);
  const order = [...known, ...Object.keys(reports).filter((id) => !known.includes(id))];
  const slots = new Map<string, MediaSlot>();
  for (const stepId of order) {
    const report = reports[stepId];
    const kind = report?.kind ?? steps.find((s) => stepIdOf(s) === stepId)?.type;
    if (
      !report ||
      kind !== "model" ||
      !/^(completed|succeeded|success)$/i.test(String(report.status))
    )
      continue;
    let position = 0;
    for (const url of outputUrls(report.output))
      if (!slots.has(url)) slots.set(url, { stepId, position: position++ });
  }
  let position = 0;
  for (const url of outputUrls(execution.output))
    if (!slots.has(url)) slots.set(url, { stepId: FINAL_OUTPUT_STEP, position: position++ });
  return slots;
}

/** The stored copy for an upstream URL, if it is saved. */
export function assetForUrl(
  execution: ExecutionMediaSource,
  slots: Map<string, MediaSlot>,
  url: string,
): ExecutionAssetView | null {
  const slot = slots.get(url);
  if (!slot) return null;
  return (
    execution.assets.find((a) => a.stepId === slot.stepId && a.position === slot.position) ?? null
  );
}
