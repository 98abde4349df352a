"use client";

import { useId } from "react";
import type { WorkflowDefinition } from "@/lib/shared/workflow-types";
import { useDraftText } from "../use-draft-text";
import { formatDefinition, parseDefinitionJson } from "./definition-json";

/**
 * The definition as JSON, in step with the list both ways: every edit that parses is applied
 * at once; while it does not, the list keeps the last valid definition and this says why.
 */
export function DefinitionJsonView({
  definition,
  onChange,
}: {
  definition: WorkflowDefinition;
  onChange: (definition: WorkflowDefinition) => void;
}) {
  const id = useId();
  const draft = useDraftText(formatDefinition(definition));
  const parsed = parseDefinitionJson(draft.text);
  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium">
        Definition JSON
      </label>
      <textarea
        id={id}
        value={draft.text}
        onChange={(event) => {
          const text = event.target.value;
          draft.setText(text);
          const next = parseDefinitionJson(text);
          if (next.ok) {
            draft.accept(formatDefinition(next.definition));
            onChange(next.definition);
          }
        }}
        rows={Math.min(40, Math.max(16, draft.text.split("\n").length + 1))}
        spellCheck={false}
        aria-invalid={!parsed.ok || undefined}
        aria-describedby={`${id}-status`}
        className="block w-full resize-y rounded-md border border-input bg-card px-3 py-2 font-mono text-xs leading-relaxed shadow-xs focus-visible:outline-2 focus-visible:outline-ring aria-invalid:border-destructive sm:text-sm"
      />
      <p
        id={`${id}-status`}
        aria-live="polite"
        className={parsed.ok ? "text-xs text-muted-foreground" : "text-sm text-destructive"}
      >
        {parsed.ok
          ? "Applied as you type; the Steps and Graph tabs show the same definition."
          : `${parsed.message} Not applied: the steps keep the last valid definition.`}
      </p>
    </div>
  );
}
