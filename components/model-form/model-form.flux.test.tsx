import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { fixtureSchema, renderModelForm } from "./test-support/harness";

const flux = fixtureSchema("flux-2-max");

describe("ModelForm with flux-2-max", () => {
  it("starts from the schema defaults and hands them to the parent", () => {
    const form = renderModelForm(flux);
    expect(form.value()).toEqual({ aspect_ratio: "1:1", num_outputs: 1 });
  });

  it("shows aspect ratio as a radio group whose choice becomes the value", async () => {
    const user = userEvent.setup();
    const form = renderModelForm(flux);
    const group = screen.getByLabelText("Aspect ratio");
    expect(group.getAttribute("role")).toBe("radiogroup");
    expect(within(group).getAllByRole("radio")).toHaveLength(7);
    expect(within(group).getByRole("radio", { name: "1:1" })).toHaveProperty("checked", true);

    await user.click(within(group).getByRole("radio", { name: "16:9" }));

    expect(form.value().aspect_ratio).toBe("16:9");
    expect(within(group).getByRole("radio", { name: "16:9" })).toHaveProperty("checked", true);
  });

  it("moves num_outputs with the slider or the number box, both showing the same value", async () => {
    const user = userEvent.setup();
    const form = renderModelForm(flux);
    const slider = screen.getByLabelText("Num outputs") as HTMLInputElement;
    const box = screen.getByLabelText("Num outputs value") as HTMLInputElement;
    expect(slider.type).toBe("range");
    expect([slider.min, slider.max, slider.step]).toEqual(["1", "4", "1"]);

    fireEvent.change(slider, { target: { value: "3" } });
    expect(form.value().num_outputs).toBe(3);
    expect(box.value).toBe("3");

    await user.clear(box);
    await user.type(box, "2");
    expect(form.value().num_outputs).toBe(2);
    expect(slider.value).toBe("2");
  });

  it("rolls a whole-number seed with Randomize", async () => {
    const user = userEvent.setup();
    const form = renderModelForm(flux);
    const seed = screen.getByLabelText("Seed") as HTMLInputElement;
    expect(seed.value).toBe("");

    await user.click(screen.getByRole("button", { name: "Randomize seed" }));

    const rolled = form.value().seed;
    expect(Number.isInteger(rolled)).toBe(true);
    expect(rolled as number).toBeGreaterThanOrEqual(0);
    expect(rolled as number).toBeLessThanOrEqual(2_147_483_647);
    expect(seed.value).toBe(String(rolled));
  });

  it("counts prompt characters against the 10,000 limit", async () => {
    const user = userEvent.setup();
    renderModelForm(flux);
    const prompt = screen.getByLabelText("Prompt");
    expect(document.getElementById(`${prompt.id}__count`)?.textContent).toMatch(/^0 \/ 10,000/);

    await user.type(prompt, "a red fox");

    const counter = document.getElementById(`${prompt.id}__count`);
    expect(counter?.textContent).toMatch(/^9 \/ 10,000/);
    expect(prompt.getAttribute("aria-describedby")).toContain(counter?.id);
  });

  it("submits the typed input, numbers as numbers, nothing empty", async () => {
    const user = userEvent.setup();
    const form = renderModelForm(flux);
    await user.type(screen.getByLabelText("Prompt"), "a lighthouse at dusk");
    await user.click(screen.getByRole("radio", { name: "9:16" }));
    await user.click(screen.getByRole("button", { name: "Run" }));

    expect(form.onSubmit).toHaveBeenCalledTimes(1);
    expect(form.onSubmit).toHaveBeenCalledWith({
      prompt: "a lighthouse at dusk",
      aspect_ratio: "9:16",
      num_outputs: 1,
    });
  });

  it("submits with Ctrl+Enter from inside the prompt", async () => {
    const user = userEvent.setup();
    const form = renderModelForm(flux);
    await user.type(screen.getByLabelText("Prompt"), "neon city");
    await user.keyboard("{Control>}{Enter}{/Control}");

    await waitFor(() => expect(form.onSubmit).toHaveBeenCalledTimes(1));
    expect(form.onSubmit.mock.calls[0]?.[0]).toMatchObject({ prompt: "neon city" });
    expect(form.value().prompt).toBe("neon city");
  });

  it("submits with Cmd+Enter from a number box", async () => {
    const user = userEvent.setup();
    const form = renderModelForm(flux, { initial: { prompt: "x" } });
    await user.click(screen.getByLabelText("Seed"));
    await user.keyboard("{Meta>}{Enter}{/Meta}");
    await waitFor(() => expect(form.onSubmit).toHaveBeenCalledTimes(1));
  });

  it("refuses to run without the required prompt and says so at the field", async () => {
    const user = userEvent.setup();
    const form = renderModelForm(flux);
    await user.click(screen.getByRole("button", { name: "Run" }));

    expect(form.onSubmit).not.toHaveBeenCalled();
    const prompt = screen.getByLabelText("Prompt");
    expect(prompt.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(`${prompt.id}__error`)?.textContent).toBe(
      "This field is required.",
    );

    // After the first Run, fixing the field clears its error without another Run.
    await user.type(prompt, "ok");
    await waitFor(() => expect(document.getElementById(`${prompt.id}__error`)).toBeNull());
  });

  it("refuses a prompt over 10,000 characters before sending it", async () => {
    const user = userEvent.setup();
    const form = renderModelForm(flux, { initial: { prompt: "x".repeat(10_001) } });
    await user.click(screen.getByRole("button", { name: "Run" }));

    expect(form.onSubmit).not.toHaveBeenCalled();
    const prompt = screen.getByLabelText("Prompt");
    expect(document.getElementById(`${prompt.id}__error`)?.textContent).toMatch(
      /10,000 characters/,
    );
  });

  it("does not run while submitting, and says it is running", async () => {
    const user = userEvent.setup();
    const form = renderModelForm(flux, { initial: { prompt: "x" }, submitting: true });
    const button = screen.getByRole("button", { name: /Running/ });
    expect(button).toHaveProperty("disabled", true);
    await user.click(screen.getByLabelText("Prompt"));
    await user.keyboard("{Control>}{Enter}{/Control}");
    expect(form.onSubmit).not.toHaveBeenCalled();
  });
});
