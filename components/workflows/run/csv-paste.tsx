"use client";

import { useId } from "react";
import { textareaClass } from "../steps/field-classes";
import type { CsvResult } from "./csv-rows";

/**
 * "Paste CSV": the header line names the inputs, each other line becomes a row. Read as it
 * is typed; the rows below follow it whenever it reads cleanly.
 */
export function CsvPaste({
  inputNames,
  text,
  result,
  onChange,
}: {
  inputNames: readonly string[];
  text: string;
  result: CsvResult | null;
  onChange: (text: string) => void;
}) {
  const id = useId();
  const example = [inputNames.join(","), inputNames.map((n) => `${n} of run 1`).join(",")].join(
    "\n",
  );
  const failed = result !== null && !result.ok;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        Paste CSV
      </label>
      <textarea
        id={id}
        value={text}
        onChange={(event) => onChange(event.target.value)}
        rows={3}
        spellCheck={false}
        placeholder={example}
        aria-describedby={`${id}-message`}
        aria-invalid={failed || undefined}
        className={textareaClass}
      />
      <p
        id={`${id}-message`}
        aria-live="polite"
        className={failed ? "text-sm text-destructive" : "text-xs text-muted-foreground"}
      >
        {result === null
          ? `First line: the input names (${inputNames.join(", ") || "none"}); then one line per run, up to 10. Quote values that hold commas.`
          : result.ok
            ? `${result.rows.length} ${result.rows.length === 1 ? "row" : "rows"} from the CSV, below.`
            : result.message}
      </p>
    </div>
  );
}
