// A plan waiting for a yes: each::sense sends the plan as a `message` (numbered steps and an
// estimate), asks "Should I proceed?" with yes/no options and ends with `complete` status
// `awaiting_approval` (simulator/README.md, "Behaviors"). Either sign makes it a plan.
import type { SenseEvent, SenseEventOf } from "@/lib/shared/sense-events";

export type PlanView = {
  question: string | null;
  steps: string[];
  /** Lines around the steps: the estimate of time and cost. */
  notes: string[];
  /** The index of the event the plan was read from, so it is not listed as a step too. */
  sourceIndex: number | null;
};

const STEP = /^\s*(\d+)[.)]\s+(.*)$/;

function isYesNo(options: readonly string[]): boolean {
  return (
    options.length === 2 &&
    /^\s*yes\b/i.test(options[0] ?? "") &&
    /^\s*no\b/i.test(options[1] ?? "")
  );
}

function readPlanText(text: string): { steps: string[]; notes: string[] } {
  const steps: string[] = [];
  const notes: string[] = [];
  for (const line of text.split("\n")) {
    const step = STEP.exec(line);
    if (step) steps.push(step[2] ?? "");
    else if (line.trim() && !/^\s*plan:?\s*$/i.test(line)) notes.push(line.trim());
  }
  return { steps, notes };
}

function stepsOfComplete(event: SenseEventOf<"complete"> | undefined): string[] | null {
  const plan = (event as { plan?: { steps?: unknown } } | undefined)?.plan;
  const steps = plan?.steps;
  return Array.isArray(steps) && steps.every((step) => typeof step === "string") ? steps : null;
}

export function toPlan(events: readonly SenseEvent[]): PlanView | null {
  const complete = events.findLast(
    (event): event is SenseEventOf<"complete"> => event.type === "complete",
  );
  const question = events.findLast(
    (event): event is SenseEventOf<"clarification_needed"> => event.type === "clarification_needed",
  );
  const awaiting = complete?.status === "awaiting_approval";
  if (!awaiting && !(question && isYesNo(question.options ?? []))) return null;

  // The plan's own text: the last `message` with numbered lines, else the question's context.
  let sourceIndex: number | null = null;
  for (let index = events.length - 1; index >= 0; index--) {
    const event = events[index];
    if (event?.type === "message" && readPlanText(event.content).steps.length > 0) {
      sourceIndex = index;
      break;
    }
  }
  const source = sourceIndex === null ? undefined : events[sourceIndex];
  const text = source?.type === "message" ? source.content : (question?.context ?? "");
  const read = readPlanText(text);
  return {
    question: question?.question ?? null,
    steps: stepsOfComplete(complete) ?? read.steps,
    notes: read.steps.length > 0 ? read.notes : text.trim() ? [text.trim()] : [],
    sourceIndex,
  };
}
