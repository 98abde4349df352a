// Regression tests for rjsf 6.11.1 dropping the value of `allOf` fields (STACK-NOTES.md).
import Form from "@rjsf/core";
import type { RJSFSchema } from "@rjsf/utils";
import validator from "@rjsf/validator-ajv8";
import { act, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import type { JsonSchema } from "@/lib/shared/catalog-types";
import { defaultFormStateBehavior } from "./form-behaviour";
import { renderModelForm } from "./test-support/harness";

/** A Cog-style input: the scheduler enum lives in `definitions`, reached through `allOf`. */
const cogSchema: JsonSchema = {
  type: "object",
  required: ["prompt"],
  definitions: {
    scheduler: {
      title: "scheduler",
      type: "string",
      enum: ["DDIM", "K_EULER", "DPMSolverMultistep"],
      description: "An enumeration.",
    },
  },
  properties: {
    prompt: { type: "string", title: "Prompt", "x-order": 0 },
    scheduler: {
      allOf: [{ $ref: "#/definitions/scheduler" }],
      default: "K_EULER",
      title: "Scheduler",
      "x-order": 1,
    },
  },
};

describe("allOf-wrapped enums", () => {
  it("keep their default through ModelForm to onSubmit", async () => {
    const user = userEvent.setup();
    const form = renderModelForm(cogSchema);
    await user.type(screen.getByLabelText("Prompt"), "a fox");
    await user.click(screen.getByRole("button", { name: "Run" }));
    expect(form.onSubmit).toHaveBeenCalledWith({ prompt: "a fox", scheduler: "K_EULER" });
  });

  it("keep a chosen value through ModelForm to onSubmit", async () => {
    const user = userEvent.setup();
    const form = renderModelForm(cogSchema);
    await user.type(screen.getByLabelText("Prompt"), "a fox");
    await user.selectOptions(screen.getByLabelText("Scheduler"), "DPMSolverMultistep");
    await user.click(screen.getByRole("button", { name: "Run" }));
    expect(form.onSubmit).toHaveBeenCalledWith({
      prompt: "a fox",
      scheduler: "DPMSolverMultistep",
    });
  });

  // The raw schema, handed to rjsf as is: what protects a schema that prepareSchema did not
  // flatten is the form-state flag ModelForm passes.
  function RawForm({
    behaviour,
    onSubmit,
  }: {
    behaviour?: typeof defaultFormStateBehavior;
    onSubmit: (data: unknown) => void;
  }) {
    const [value, setValue] = useState<Record<string, unknown>>({});
    return (
      <Form
        schema={cogSchema as RJSFSchema}
        validator={validator}
        formData={value}
        onChange={(event) => setValue(event.formData)}
        onSubmit={(event) => onSubmit(event.formData)}
        experimental_defaultFormStateBehavior={behaviour}
      />
    );
  }

  async function submitRaw(behaviour?: typeof defaultFormStateBehavior) {
    const onSubmit = vi.fn();
    const view = render(<RawForm behaviour={behaviour} onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText(/Prompt/), { target: { value: "a fox" } });
    await act(async () => {
      fireEvent.submit(view.container.querySelector("form")!);
    });
    view.unmount();
    return onSubmit.mock.calls[0]?.[0] as Record<string, unknown>;
  }

  it("keep their value in plain rjsf with the flag ModelForm passes", async () => {
    expect(await submitRaw(defaultFormStateBehavior)).toEqual({
      prompt: "a fox",
      scheduler: "K_EULER",
    });
  });

  // If this starts failing, rjsf fixed the bug and the flag (and this note) can go.
  it("lose their value in plain rjsf without that flag (the bug the flag works around)", async () => {
    expect(await submitRaw(undefined)).toEqual({ prompt: "a fox" });
  });
});
