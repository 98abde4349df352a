import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { fixtureSchema, renderModelForm } from "./test-support/harness";

const flux = fixtureSchema("flux-2-max");
const tts = fixtureSchema("elevenlabs-tts");

function errorOf(label: string): string | null {
  const control = screen.getByLabelText(label);
  return document.getElementById(`${control.id}__error`)?.textContent ?? null;
}

describe("ModelForm and server errors", () => {
  it("shows a server error at its field and keeps what was typed", async () => {
    const user = userEvent.setup();
    const form = renderModelForm(flux);
    await user.type(screen.getByLabelText("Prompt"), "a quiet harbour");
    await user.click(screen.getByRole("radio", { name: "4:3" }));
    await user.click(screen.getByRole("button", { name: "Run" }));
    expect(form.onSubmit).toHaveBeenCalledTimes(1);

    form.rerenderWith({ fieldErrors: { prompt: "The prompt was flagged by the safety checker." } });

    expect(errorOf("Prompt")).toBe("The prompt was flagged by the safety checker.");
    const prompt = screen.getByLabelText("Prompt") as HTMLTextAreaElement;
    expect(prompt.getAttribute("aria-invalid")).toBe("true");
    expect(prompt.getAttribute("aria-describedby")).toContain(`${prompt.id}__error`);
    expect(prompt.value).toBe("a quiet harbour");
    expect(form.value()).toMatchObject({ prompt: "a quiet harbour", aspect_ratio: "4:3" });
    expect(errorOf("Seed")).toBeNull();
  });

  it("puts each server error at the right field of several", () => {
    renderModelForm(tts, {
      initial: { text: "Hello" },
      fieldErrors: { voice: "Unknown voice “bob”.", stability: "Must be between 0 and 1." },
    });
    expect(errorOf("Voice")).toBe("Unknown voice “bob”.");
    expect(errorOf("Stability")).toBe("Must be between 0 and 1.");
    expect(errorOf("Text")).toBeNull();
  });

  it("clears a server error once its field is edited, leaving the others", async () => {
    const user = userEvent.setup();
    renderModelForm(tts, {
      initial: { text: "Hello", voice: "bob" },
      fieldErrors: { voice: "Unknown voice.", text: "Too short." },
    });
    await user.clear(screen.getByLabelText("Voice"));
    await user.type(screen.getByLabelText("Voice"), "rachel");
    await waitFor(() => expect(errorOf("Voice")).toBeNull());
    expect(errorOf("Text")).toBe("Too short.");
  });

  it("shows errors no field owns, and the form error, above Run", () => {
    renderModelForm(flux, {
      initial: { prompt: "x" },
      formError: "Rate limited: try again in 20 seconds.",
      fieldErrors: { webhook_url: "Not allowed." },
    });
    const alert = screen
      .getAllByRole("alert")
      .find((el) => el.textContent?.includes("Rate limited"));
    expect(alert?.textContent).toContain("Rate limited: try again in 20 seconds.");
    expect(alert?.textContent).toContain("webhook_url: Not allowed.");
  });

  it("lets the person run again with a server error still shown", async () => {
    const user = userEvent.setup();
    const form = renderModelForm(flux, {
      initial: { prompt: "x" },
      fieldErrors: { seed: "Seed rejected." },
    });
    await user.click(screen.getByRole("button", { name: "Run" }));
    expect(form.onSubmit).toHaveBeenCalledTimes(1);
  });

  it("disables every field and Run when disabled", () => {
    renderModelForm(flux, { initial: { prompt: "x" }, disabled: true });
    expect(screen.getByLabelText("Prompt")).toHaveProperty("disabled", true);
    expect(screen.getByRole("radio", { name: "1:1" })).toHaveProperty("disabled", true);
    expect(screen.getByRole("button", { name: "Run" })).toHaveProperty("disabled", true);
  });
});
