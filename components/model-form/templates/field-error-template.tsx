"use client";
import type { FieldErrorProps } from "@rjsf/utils";
import { errorId } from "@rjsf/utils";

/** The errors of one field, right under it; the id is the one controls name in aria-describedby. */
export function FieldErrorTemplate({ errors, fieldPathId }: FieldErrorProps) {
  const messages = (errors ?? []).filter(Boolean);
  if (messages.length === 0) return null;
  return (
    <div id={errorId(fieldPathId)} role="alert" className="space-y-0.5 text-sm text-destructive">
      {messages.map((message, i) => (
        <p key={i}>{message}</p>
      ))}
    </div>
  );
}
