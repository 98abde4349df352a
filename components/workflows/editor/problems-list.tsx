import type { DefinitionProblem } from "@/lib/shared/workflow-validate";
import { CheckIcon } from "../../gallery/gallery-icons";

/** What each::workflows would refuse, step by step, re-checked on every edit. */
export function ProblemsList({
  problems,
  onShowStep,
}: {
  problems: readonly DefinitionProblem[];
  onShowStep: (stepId: string) => void;
}) {
  if (problems.length === 0)
    return (
      <p role="status" className="flex items-center gap-2 text-sm text-success">
        <CheckIcon width={16} height={16} />
        No problems: each::workflows will accept this definition.
      </p>
    );
  return (
    <section
      aria-labelledby="problems-heading"
      className="rounded-lg border border-destructive/40 bg-destructive/10 px-4 py-3 text-sm"
    >
      <h3 id="problems-heading" className="font-semibold text-destructive" aria-live="polite">
        {problems.length === 1 ? "1 problem" : `${problems.length} problems`} to fix before saving
      </h3>
      <ul aria-label="Problems" className="mt-1.5 space-y-1">
        {problems.map((problem, index) => (
          <li key={`${index}-${problem.message}`} className="flex flex-wrap items-baseline gap-x-2">
            <span>{problem.message}</span>
            {problem.stepId ? (
              <button
                type="button"
                onClick={() => onShowStep(problem.stepId!)}
                className="text-xs font-medium text-primary underline underline-offset-2"
              >
                Show step
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
