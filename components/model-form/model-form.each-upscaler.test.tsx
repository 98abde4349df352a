import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { cogStyle } from "./test-support/cog-style";
import { fixtureSchema, renderModelForm } from "./test-support/harness";

const upscaler = fixtureSchema("each-upscaler");

const LABELS = [
  "Image",
  "Mask",
  "Seed",
  "Prompt",
  "Negative prompt",
  "Dynamic",
  "Handfix",
  "Pattern",
  "Sharpen",
  "Sd model",
  "Scheduler",
  "Creativity",
  "Lora links",
  "Downscaling",
  "Resemblance",
  "Scale factor",
  "Tiling width",
  "Output format",
  "Tiling height",
  "Custom sd model",
  "Num inference steps",
  "Downscaling resolution",
];

/** What Run sends with the defaults, an image link, and the choices made in `fillIn`. */
const EXPECTED = {
  image: "https://cdn.test/photo.png",
  seed: 1337,
  prompt: "masterpiece, best quality, highres",
  negative_prompt: "(worst quality, low quality, normal quality:2) JuggernautNegative-neg",
  dynamic: 6,
  handfix: "disabled",
  pattern: true,
  sharpen: 0,
  sd_model: "juggernaut_reborn.safetensors [338b85bc4f]",
  scheduler: "Euler a",
  creativity: 0.35,
  downscaling: false,
  resemblance: 0.6,
  scale_factor: 2,
  tiling_width: 112,
  output_format: "webp",
  tiling_height: 144,
  num_inference_steps: 18,
  downscaling_resolution: 768,
};

async function fillIn(user: ReturnType<typeof userEvent.setup>) {
  const link = screen.getByLabelText("Image link");
  await user.click(link);
  await user.paste("https://cdn.test/photo.png");
  await user.click(screen.getByText("Advanced settings"));
  await user.selectOptions(screen.getByLabelText("Scheduler"), "Euler a");
  await user.click(screen.getByRole("radio", { name: "webp" }));
  await user.click(screen.getByLabelText("Pattern"));
}

describe("ModelForm with each-upscaler", () => {
  it("renders every one of its 22 fields, each reachable by its label", () => {
    renderModelForm(upscaler);
    for (const label of LABELS) expect(screen.getByLabelText(label), label).toBeTruthy();
    expect(LABELS).toHaveLength(Object.keys(upscaler.properties as object).length);
  });

  it("keeps the image, prompts and seed in view and folds the other knobs under Advanced", () => {
    renderModelForm(upscaler);
    const details = screen.getByText("Advanced settings").closest("details")!;
    expect(details.open).toBe(false);
    for (const label of ["Image", "Mask", "Seed", "Prompt", "Negative prompt"]) {
      expect(details.contains(screen.getByLabelText(label)), label).toBe(false);
    }
    for (const label of ["Scheduler", "Creativity", "Pattern", "Num inference steps"]) {
      expect(details.contains(screen.getByLabelText(label)), label).toBe(true);
    }
    expect(within(details).getByText("17")).toBeTruthy();
  });

  it("picks a widget per field: switch, select, segmented, slider", () => {
    renderModelForm(upscaler);
    expect(screen.getByLabelText("Pattern").getAttribute("role")).toBe("switch");
    expect(screen.getByLabelText("Scheduler").tagName).toBe("SELECT");
    expect(screen.getByLabelText("Output format").getAttribute("role")).toBe("radiogroup");
    expect((screen.getByLabelText("Creativity") as HTMLInputElement).type).toBe("range");
    expect(screen.getByLabelText("Prompt").tagName).toBe("TEXTAREA");
    expect((screen.getByLabelText("Image") as HTMLInputElement).type).toBe("file");
  });

  it("submits the defaults plus the choices made, typed, with empty text left out", async () => {
    const user = userEvent.setup();
    const form = renderModelForm(upscaler);
    await fillIn(user);
    await user.click(screen.getByRole("button", { name: "Run" }));
    expect(form.onSubmit).toHaveBeenCalledTimes(1);
    expect(form.onSubmit).toHaveBeenCalledWith(EXPECTED);
  });

  it("submits the same input when the schema is Cog-style (allOf-wrapped enums, string defaults)", async () => {
    const user = userEvent.setup();
    const form = renderModelForm(cogStyle(upscaler));
    for (const label of LABELS) expect(screen.getByLabelText(label), label).toBeTruthy();
    await fillIn(user);
    await user.click(screen.getByRole("button", { name: "Run" }));
    expect(form.onSubmit).toHaveBeenCalledWith(EXPECTED);
  });

  it("keeps an untouched allOf-wrapped enum default through to the submitted input", async () => {
    const user = userEvent.setup();
    const form = renderModelForm(cogStyle(upscaler), {
      initial: { image: "https://cdn.test/a.png" },
    });
    await user.click(screen.getByRole("button", { name: "Run" }));
    expect(form.onSubmit.mock.calls[0]?.[0]).toMatchObject({
      scheduler: "DPM++ 3M SDE Karras",
      handfix: "disabled",
      output_format: "png",
      seed: 1337,
      pattern: false,
      creativity: 0.35,
    });
  });

  it("opens Advanced by itself when a field inside it has an error", () => {
    renderModelForm(upscaler, { fieldErrors: { creativity: "Too creative for this model" } });
    const details = screen.getByText("Advanced settings").closest("details")!;
    expect(details.open).toBe(true);
    expect(within(details).getByText("Too creative for this model")).toBeTruthy();
  });
});
