import type { StepType } from "@/lib/shared/workflow-types";

export const STEP_TYPE_LABELS: Record<StepType, string> = {
  model: "Model",
  http: "HTTP request",
  python: "Python",
  parallel: "Parallel branches",
  choice: "Choice (if / else)",
  pass: "Pass (static value)",
};

export const STEP_TYPE_TONES: Record<string, string> = {
  model: "bg-primary/10 text-primary",
  http: "bg-accent text-accent-foreground",
  python: "bg-warning/15 text-foreground",
  parallel: "bg-success/15 text-success",
  choice: "bg-destructive/10 text-destructive",
  pass: "bg-muted text-muted-foreground",
};

export function stepTypeLabel(type: string): string {
  return STEP_TYPE_LABELS[type as StepType] ?? type;
}
