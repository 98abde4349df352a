import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ReferenceOption } from "@/lib/shared/workflow-reference-options";
import { fixtureSchema } from "../../model-form/test-support/harness";
import { ParamsForm } from "./params-form";

afterEach(cleanup);

const options: ReferenceOption[] = [
  {
    value: "{{inputs.style}}",
    expression: "$.inputs.style",
    label: "Input: style",
    group: "inputs",
    kind: "input",
  },
  {
    value: "{{config.primary}}",
    expression: "$.config.primary",
    label: "config: primary result",
    group: "config",
    kind: "primary",
    stepId: "config",
  },
];

function renderParams(slug: string, initial: Record<string, unknown>) {
  const changes = vi.fn<(params: Record<string, unknown>) => void>();
  const latest = { value: initial };
  function Parent() {
    const [params, setParams] = useState(initial);
    latest.value = params;
    return (
      <ParamsForm
        schema={fixtureSchema(slug)}
        params={params}
        options={options}
        onChange={(next) => {
          changes(next);
          setParams(next);
        }}
      />
    );
  }
  render(<Parent />);
  return { changes, params: () => latest.value };
}

describe("a model step's params form", () => {
  it("does not change the params just by being opened", async () => {
    const { changes } = renderParams("flux-2-pro", {
      prompt: "{{inputs.prompt}}",
      aspect_ratio: "16:9",
    });
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(changes).not.toHaveBeenCalled();
  });

  it("inserts a reference at the caret of the text field last focused", async () => {
    const user = userEvent.setup();
    const view = renderParams("flux-2-pro", { prompt: "A portrait in  style" });
    const prompt = screen.getByLabelText(/^Prompt/, {
      selector: "textarea",
    }) as HTMLTextAreaElement;
    await user.click(prompt);
    prompt.setSelectionRange(14, 14);
    expect(screen.getByText(/Inserts into “Prompt” at the caret/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: /Insert reference/ }));
    const menu = screen.getByRole("menu", { name: "References" });
    fireEvent.click(
      Array.from(menu.querySelectorAll("[role=menuitem]")).find((item) =>
        item.textContent?.includes("{{inputs.style}}"),
      )!,
    );
    expect(view.params().prompt).toBe("A portrait in {{inputs.style}} style");
    expect(screen.queryByRole("menu")).toBeNull();
  });

  it("passes typed edits on, and lists a reference the form cannot show", async () => {
    const user = userEvent.setup();
    const view = renderParams("topaz-upscale-image", {
      image_url: "https://x.test/a.png",
      scale: "{{inputs.scale}}",
    });
    expect(screen.getByText(/scale = "\{\{inputs.scale\}\}"/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Clear scale" }));
    expect(view.params()).toEqual({ image_url: "https://x.test/a.png" });
  });
});
