// Renders ModelForm the way a page does: the parent owns the value. Tests read what the parent
// received (value, submitted input) rather than reaching into the form.
import { cleanup, render } from "@testing-library/react";
import { useState } from "react";
import { afterEach, vi } from "vitest";
import type { JsonSchema } from "@/lib/shared/catalog-types";
import models from "@/simulator/fixtures/models.json";
import { ModelForm, type ModelFormProps } from "../model-form";

type Input = Record<string, unknown>;

// Vitest runs without globals here, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

export function fixtureSchema(slug: string): JsonSchema {
  const model = (models as { slug: string; request_schema: JsonSchema }[]).find(
    (m) => m.slug === slug,
  );
  if (!model) throw new Error(`no fixture model ${slug}`);
  return model.request_schema;
}

type Options = Partial<Omit<ModelFormProps, "schema" | "value" | "onChange">> & { initial?: Input };

export function renderModelForm(schema: JsonSchema, options: Options = {}) {
  const { initial = {}, ...rest } = options;
  const onSubmit = vi.fn<(input: Input) => void>();
  const uploadFile = vi.fn<(file: File, field: string) => Promise<string>>(
    async (file) => `https://cdn.test/${file.name}`,
  );
  const latest = { value: initial };

  function Parent(props: Options) {
    const [value, setValue] = useState<Input>(initial);
    latest.value = value;
    return (
      <ModelForm
        schema={schema}
        value={value}
        onChange={setValue}
        onSubmit={onSubmit}
        uploadFile={uploadFile}
        {...props}
      />
    );
  }

  const view = render(<Parent {...rest} />);
  return {
    ...view,
    onSubmit,
    uploadFile: (rest.uploadFile as typeof uploadFile | undefined) ?? uploadFile,
    /** The value the parent holds right now. */
    value: () => latest.value,
    rerenderWith: (props: Options) => view.rerender(<Parent {...rest} {...props} />),
  };
}
