"use client";

import { isRecord, type WorkflowInputSchema } from "@/lib/shared/workflow-types";
import { Button } from "../../ui/button";
import { InputRowEditor } from "./input-row-editor";
import { inputRows, newInputName, schemaFromRows, type InputRow } from "./input-schema-rows";
import { PlusIcon } from "../../ui/icons";

/** The workflow's inputs (its input_schema): what a run is asked for, read as {{inputs.x}}. */
export function InputSchemaEditor({
  schema,
  onChange,
}: {
  schema: WorkflowInputSchema | undefined;
  onChange: (schema: WorkflowInputSchema) => void;
}) {
  const rows = inputRows(schema);
  const base = isRecord(schema) ? schema : undefined;
  const save = (next: InputRow[]) => onChange(schemaFromRows(next, base));
  return (
    <section aria-labelledby="inputs-heading" className="space-y-3">
      <div>
        <h3 id="inputs-heading" className="font-semibold">
          Inputs
        </h3>
        <p className="text-sm text-muted-foreground">
          What each run is given; steps read them as{" "}
          <code className="font-mono text-xs">{"{{inputs.name}}"}</code>.
        </p>
      </div>
      {rows.length > 0 ? (
        <ul aria-label="Inputs" className="space-y-2">
          {rows.map((row, index) => (
            <InputRowEditor
              key={index}
              row={row}
              otherNames={rows.filter((_, i) => i !== index).map((r) => r.name)}
              onChange={(next) => save(rows.map((r, i) => (i === index ? next : r)))}
              onRemove={() => save(rows.filter((_, i) => i !== index))}
            />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted-foreground">No inputs: every run is the same.</p>
      )}
      <Button
        variant="secondary"
        size="sm"
        onClick={() =>
          save([
            ...rows,
            {
              name: newInputName(rows),
              type: "string",
              required: false,
              description: "",
              rest: {},
            },
          ])
        }
      >
        <PlusIcon width={16} height={16} />
        Add input
      </Button>
    </section>
  );
}
