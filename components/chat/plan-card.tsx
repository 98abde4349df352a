"use client";
import { Button } from "../ui/button";
import type { PlanView } from "./plan-view";

/** A plan waiting for a yes: Approve runs it, Change lets the person say what to change. */
export function PlanCard({
  plan,
  canAnswer,
  onApprove,
  onChange,
}: {
  plan: PlanView;
  canAnswer: boolean;
  onApprove: () => void;
  onChange: () => void;
}) {
  return (
    <section
      aria-label="Plan"
      className="space-y-2.5 rounded-lg border border-primary/30 bg-primary/5 px-3 py-2.5 text-sm"
    >
      <h3 className="font-semibold">Plan</h3>
      {plan.steps.length > 0 ? (
        <ol className="list-decimal space-y-1 pl-5 marker:text-muted-foreground">
          {plan.steps.map((step, index) => (
            <li key={index} className="break-words">
              {step}
            </li>
          ))}
        </ol>
      ) : null}
      {plan.notes.length > 0 ? (
        <ul className="space-y-0.5 text-muted-foreground">
          {plan.notes.map((note, index) => (
            <li key={index} className="whitespace-pre-wrap">
              {note}
            </li>
          ))}
        </ul>
      ) : null}
      {plan.question ? <p className="font-medium">{plan.question}</p> : null}
      <div className="flex flex-wrap gap-2">
        <Button size="sm" onClick={onApprove} disabled={!canAnswer}>
          Approve
        </Button>
        <Button variant="secondary" size="sm" onClick={onChange} disabled={!canAnswer}>
          Change
        </Button>
      </div>
    </section>
  );
}
