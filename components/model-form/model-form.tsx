"use client";
import Form from "@rjsf/core";
import type { FormValidation, RJSFSchema } from "@rjsf/utils";
import validator from "@rjsf/validator-ajv8";
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from "react";
import type { JsonSchema } from "@/lib/shared/catalog-types";
import {
  coerceInput,
  friendlyErrors,
  prepareSchema,
  validateLimits,
} from "@/lib/shared/model-schema";
import { FormFooter } from "./form-footer";
import { defaultFormStateBehavior } from "./form-behaviour";
import type { ModelFormContext } from "./form-context";
import { templates, widgets } from "./theme";
import { useServerErrors } from "./use-server-errors";

type Input = Record<string, unknown>;

export type ModelFormProps = {
  /** The model's `request_schema`, as the catalog sends it. */
  schema: JsonSchema;
  /** The form's current values: the parent owns them, so nothing (an error, a re-render) loses them. */
  value: Input;
  onChange: (value: Input) => void;
  /** Called with the input to send upstream (typed, empty optional fields left out), once it validates. */
  onSubmit: (input: Input) => void;
  /** Field name → message, from the server; shown at the field until it is edited. */
  fieldErrors?: Record<string, string>;
  /** A message about the whole run (rate limit, upstream failure), shown above Run. */
  formError?: string;
  disabled?: boolean;
  submitting?: boolean;
  submitLabel?: string;
  /** Uploads a file for `field`; resolves to the public URL to put in the input. */
  uploadFile: (file: File, field: string) => Promise<string>;
};

/** The input form of a model, generated from its JSON Schema. */
export function ModelForm({
  schema,
  value,
  onChange,
  onSubmit,
  fieldErrors,
  formError,
  disabled = false,
  submitting = false,
  submitLabel = "Run",
  uploadFile,
}: ModelFormProps) {
  const prepared = useMemo(() => prepareSchema(schema), [schema]);
  // Two forms on one page must not share element ids (labels point at them).
  const idPrefix = `mf${useId().replace(/[^a-zA-Z0-9]/g, "")}`;
  // Which schema a Run was tried with: switching models starts quiet again.
  const [attemptedWith, setAttemptedWith] = useState<JsonSchema | null>(null);
  const attempted = attemptedWith === schema;
  const [uploading, setUploading] = useState<readonly string[]>([]);
  const wrapper = useRef<HTMLDivElement>(null);

  const upload = useRef(uploadFile);
  useEffect(() => {
    upload.current = uploadFile;
  });
  const onUploadPendingChange = useCallback((field: string, pending: boolean) => {
    setUploading((list) => {
      if (pending) return list.includes(field) ? list : [...list, field];
      return list.includes(field) ? list.filter((f) => f !== field) : list;
    });
  }, []);
  // Stable, so widgets do not re-render when the parent passes a new uploadFile each render.
  const formContext = useMemo<ModelFormContext>(
    () => ({ uploadFile: (file, field) => upload.current(file, field), onUploadPendingChange }),
    [onUploadPendingChange],
  );

  const server = useServerErrors(prepared.schema, fieldErrors);
  const blocked = disabled || submitting || uploading.length > 0;

  const customValidate = useCallback(
    (formData: Input | undefined, errors: FormValidation<Input>) => {
      const limits = validateLimits(prepared.schema, formData ?? {});
      for (const [field, message] of Object.entries(limits)) {
        // rjsf only has error slots for fields present in the data, which limited fields are.
        errors[field]?.addError(message);
      }
      return errors;
    },
    [prepared.schema],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "Enter" || !(event.metaKey || event.ctrlKey)) return;
    event.preventDefault();
    if (!blocked) wrapper.current?.querySelector("form")?.requestSubmit();
  };

  return (
    <div ref={wrapper} onKeyDown={onKeyDown}>
      <Form<Input, RJSFSchema, ModelFormContext>
        schema={prepared.schema as RJSFSchema}
        uiSchema={prepared.uiSchema}
        formData={value}
        validator={validator}
        templates={templates}
        widgets={widgets}
        formContext={formContext}
        idPrefix={idPrefix}
        extraErrors={server.tree}
        customValidate={customValidate}
        transformErrors={friendlyErrors}
        // Quiet until the first Run, then every edit re-checks, so a fixed field clears at once.
        liveValidate={attempted ? "onChange" : false}
        showErrorList={false}
        noHtml5Validate
        focusOnFirstError
        disabled={disabled}
        experimental_defaultFormStateBehavior={defaultFormStateBehavior}
        onChange={(event) => {
          const next = event.formData ?? {};
          server.noteChange(value, next);
          onChange(next);
        }}
        onError={() => setAttemptedWith(schema)}
        onSubmit={(event) => {
          setAttemptedWith(schema);
          if (!blocked) onSubmit(coerceInput(prepared.schema, event.formData ?? {}));
        }}
        className="space-y-6"
      >
        <FormFooter
          messages={[...(formError ? [formError] : []), ...server.unplaced]}
          submitLabel={submitLabel}
          submitting={submitting}
          uploading={uploading.length > 0}
          disabled={disabled}
        />
      </Form>
    </div>
  );
}
