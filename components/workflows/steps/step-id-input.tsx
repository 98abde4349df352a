"use client";

import { useState } from "react";

/**
 * A step's id, edited as a draft and applied on Enter or when focus leaves (Escape puts the
 * old one back): applying renames every reference to the step too, which must not happen
 * for each half-typed id on the way.
 */
export function StepIdInput({
  id,
  inputId,
  onRename,
}: {
  id: string;
  inputId: string;
  onRename: (id: string) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft.trim() !== id) onRename(draft.trim());
    setDraft(null);
  };
  return (
    <input
      id={inputId}
      value={draft ?? id}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === "Enter") {
          event.preventDefault();
          commit();
        } else if (event.key === "Escape") {
          event.preventDefault();
          setDraft(null);
        }
      }}
      spellCheck={false}
      placeholder="step_id"
      className="h-8 w-36 min-w-0 rounded-md border border-transparent bg-transparent px-2 font-mono text-sm font-semibold hover:border-input focus-visible:border-input focus-visible:outline-2 focus-visible:outline-ring sm:w-44"
    />
  );
}
