"use client";

import { useId, useRef, useState, type FocusEvent, type KeyboardEvent } from "react";
import type { JsonSchema } from "@/lib/shared/catalog-types";
import { fieldLabel } from "@/lib/shared/model-schema";
import type { ReferenceOption } from "@/lib/shared/workflow-reference-options";
import { isRecord } from "@/lib/shared/workflow-types";
import { ModelForm } from "../../model-form";
import { uploadFile } from "../../runs/upload-file";
import { SmallButton } from "../small-button";
import { insertAt, isTextTarget } from "./reference-insert";
import { ReferenceMenu } from "./reference-menu";

type Params = Record<string, unknown>;
type Target = { field: string; element: HTMLInputElement | HTMLTextAreaElement };

const TEMPLATE = /\{\{[^{}]*\}\}/;

function propertiesOf(schema: JsonSchema): Record<string, unknown> {
  return isRecord(schema.properties) ? schema.properties : {};
}

/** Params the generated form cannot show: unknown to the schema, or a reference in a field
 *  that only takes numbers, switches or fixed choices. */
function hiddenParams(schema: JsonSchema, params: Params): [string, unknown][] {
  const properties = propertiesOf(schema);
  return Object.entries(params).filter(([name, value]) => {
    const property = properties[name];
    if (!isRecord(property)) return true;
    const textOnly = property.type === "string" && !Array.isArray(property.enum);
    return typeof value === "string" && TEMPLATE.test(value) && !textOnly;
  });
}

/**
 * A model step's params as the model's own form (ModelForm), where text fields may hold
 * `{{…}}` references: "Insert reference" types into the text field last focused.
 */
export function ParamsForm({
  schema,
  params,
  onChange,
  options,
}: {
  schema: JsonSchema;
  params: Params;
  onChange: (params: Params) => void;
  options: readonly ReferenceOption[];
}) {
  const target = useRef<Target | null>(null);
  // Params that change from elsewhere (a move, the JSON view, another version) redraw the
  // form from scratch: rjsf would otherwise fill in its defaults and report them as an edit.
  const [emitted, setEmitted] = useState<Params | null>(null);
  const [shown, setShown] = useState(params);
  const [generation, setGeneration] = useState(0);
  if (params !== shown) {
    setShown(params);
    if (params !== emitted) setGeneration((n) => n + 1);
  }
  // Some widgets report their default as a change when they appear (a slider's 1); only
  // changes after the person touched this form are edits of the definition.
  const touchedIn = useRef(-1);
  const touch = () => {
    touchedIn.current = generation;
  };
  const emit = (next: Params) => {
    setEmitted(next);
    onChange(next);
  };
  const [targetLabel, setTargetLabel] = useState<string | null>(null);
  const hintId = useId();

  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const element = event.target;
    if (!isTextTarget(element)) return;
    // rjsf ids are `<prefix>_<field>`, and ModelForm's prefix has no "_".
    const field = element.id.slice(element.id.indexOf("_") + 1);
    if (!(field in propertiesOf(schema))) return;
    target.current = { field, element };
    const property = propertiesOf(schema)[field];
    setTargetLabel(fieldLabel(field, isRecord(property) ? property : undefined));
  };

  const insert = (reference: string) => {
    const chosen = target.current;
    if (!chosen) return;
    const current = params[chosen.field];
    const text = typeof current === "string" ? current : "";
    const next = insertAt(
      text,
      chosen.element.selectionStart,
      chosen.element.selectionEnd,
      reference,
    );
    emit({ ...params, [chosen.field]: next.text });
    requestAnimationFrame(() => {
      chosen.element.focus();
      chosen.element.setSelectionRange(next.caret, next.caret);
    });
  };

  // Enter in a field would submit the model's form, which here has nothing to run.
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Enter" && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  const hidden = hiddenParams(schema, params);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2 rounded-md bg-muted/60 px-2 py-1.5">
        <ReferenceMenu options={options} onPick={insert} describedBy={hintId} />
        <p id={hintId} className="text-xs text-muted-foreground" aria-live="polite">
          {targetLabel
            ? `Inserts into “${targetLabel}” at the caret.`
            : "Click in a text field below, then insert a reference into it."}
        </p>
      </div>
      {/* ModelForm always draws its Run footer; a step's params are not run from here. */}
      <div
        onFocusCapture={onFocus}
        onKeyDownCapture={(event) => {
          touch();
          onKey(event);
        }}
        onPointerDownCapture={touch}
        onDropCapture={touch}
        onPasteCapture={touch}
        className="workflow-params [&_form>div:last-child]:hidden"
      >
        {/* A reference is not a file yet: its preview would only be a broken image. */}
        <style>{`.workflow-params :is(img, video, audio)[src*="{{"] { display: none; }`}</style>
        <ModelForm
          key={generation}
          schema={schema}
          value={params}
          onChange={(next) => {
            if (touchedIn.current !== generation) return;
            emit(Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)));
          }}
          onSubmit={() => undefined}
          submitLabel="Apply"
          uploadFile={uploadFile}
        />
      </div>
      {hidden.length > 0 ? (
        <div className="space-y-1 rounded-md border border-dashed border-border p-2 text-xs">
          <p className="text-muted-foreground">
            Also set (not shown in the form above; change them in the JSON view):
          </p>
          <ul className="space-y-1">
            {hidden.map(([name, value]) => (
              <li key={name} className="flex flex-wrap items-center gap-2">
                <span className="font-mono break-all">
                  {name} = {JSON.stringify(value)}
                </span>
                <SmallButton
                  aria-label={`Clear ${name}`}
                  onClick={() => {
                    const { [name]: _removed, ...rest } = params;
                    emit(rest);
                  }}
                >
                  Clear
                </SmallButton>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
