"use client";
import { Button } from "../ui/button";
import type { ClarificationView } from "./message-view-model";

/** A question from each::sense; picking an option sends it as the next message. */
export function ClarificationCard({
  clarification,
  canAnswer,
  onAnswer,
}: {
  clarification: ClarificationView;
  canAnswer: boolean;
  onAnswer: (option: string) => void;
}) {
  return (
    <div className="space-y-2 rounded-lg border border-primary/30 bg-primary/5 px-3 py-2.5 text-sm">
      <p className="font-medium">{clarification.question}</p>
      {clarification.context ? (
        <p className="whitespace-pre-wrap text-muted-foreground">{clarification.context}</p>
      ) : null}
      {clarification.options.length > 0 ? (
        <div className="flex flex-wrap gap-2" role="group" aria-label="Answers">
          {clarification.options.map((option) => (
            <Button
              key={option}
              variant="secondary"
              size="sm"
              disabled={!canAnswer}
              onClick={() => onAnswer(option)}
              className="h-auto min-h-8 py-1 text-left whitespace-normal"
            >
              {option}
            </Button>
          ))}
        </div>
      ) : (
        <p className="text-xs text-muted-foreground">Answer in the message box below.</p>
      )}
    </div>
  );
}
