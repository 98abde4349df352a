// The editor's "insert a reference" menu: what a step may read at its place in the
// definition (inputs, and steps that have finished by then), as `{{…}}` templates for step
// fields and `$.` expressions for choice conditions. Browser-safe.
import { finishedBefore, stepPlaces } from "./workflow-scope";
import { inputNames, isRecord, type WorkflowDefinition } from "./workflow-types";

export type ReferenceOption = {
  /** What to insert in a step field: `{{inputs.prompt}}`, `{{generate.primary}}`. */
  value: string;
  /** The same path for a choice condition: `$.inputs.prompt`, `$.generate.primary`. */
  expression: string;
  /** What the menu shows. */
  label: string;
  /** Menu group: "inputs", or the step's id. */
  group: string;
  kind: "input" | "primary" | "output" | "field";
  /** The step it reads, for kind primary/output/field. */
  stepId?: string;
};

function stepOptions(stepId: string, type: string, model: unknown, result: unknown) {
  const what = type === "model" && typeof model === "string" ? ` (${model})` : "";
  const options: ReferenceOption[] = [
    {
      value: `{{${stepId}.primary}}`,
      expression: `$.${stepId}.primary`,
      label: `${stepId}${what}: primary result`,
      group: stepId,
      kind: "primary",
      stepId,
    },
    {
      value: `{{${stepId}.output}}`,
      expression: `$.${stepId}.output`,
      label: `${stepId}${what}: full output`,
      group: stepId,
      kind: "output",
      stepId,
    },
  ];
  // A pass step's result fields can be read by name ({{config.style}}).
  if (type === "pass" && isRecord(result))
    for (const field of Object.keys(result))
      options.push({
        value: `{{${stepId}.${field}}}`,
        expression: `$.${stepId}.${field}`,
        label: `${stepId}: ${field}`,
        group: stepId,
        kind: "field",
        stepId,
      });
  return options;
}

/**
 * The references valid in step `stepId` (the workflow inputs, then every step finished
 * before it, in the order they finish). `stepId: null` means a step about to be added at the
 * end of the top-level list. An unknown id gets the inputs only.
 */
export function referenceOptions(
  definition: Pick<WorkflowDefinition, "steps" | "input_schema"> | { steps?: unknown },
  stepId: string | null,
): ReferenceOption[] {
  const options: ReferenceOption[] = inputNames(definition as { input_schema?: unknown }).map(
    (name) => ({
      value: `{{inputs.${name}}}`,
      expression: `$.inputs.${name}`,
      label: `Input: ${name}`,
      group: "inputs",
      kind: "input" as const,
    }),
  );
  const places = stepPlaces(definition);
  const { byStep, end } = finishedBefore(definition);
  const available = stepId === null ? end : (byStep.get(stepId) ?? []);
  for (const id of available) {
    const step = places.get(id)?.step;
    if (step) options.push(...stepOptions(id, step.type, step.model, step.result));
  }
  return options;
}
