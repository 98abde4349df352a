import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { JsonSchema } from "@/lib/shared/catalog-types";
import { fixtureSchema, renderModelForm } from "./test-support/harness";

const i2v = fixtureSchema("kling-2-1-image-to-video");
const MB = 1024 * 1024;

function image(name = "photo.png", type = "image/png", size = 1000): File {
  const file = new File(["x"], name, { type });
  Object.defineProperty(file, "size", { value: size });
  return file;
}

function dropZoneOf(label: string): HTMLElement {
  return screen.getByLabelText(label).parentElement as HTMLElement;
}

function uploadErrorOf(label: string): string | null {
  return (
    document.getElementById(`${screen.getByLabelText(label).id}__upload-error`)?.textContent ?? null
  );
}

describe("ModelForm file fields", () => {
  it("uploads a picked file and puts the returned URL into the input", async () => {
    const user = userEvent.setup();
    const form = renderModelForm(i2v);
    const file = image();
    await user.upload(screen.getByLabelText("Image url"), file);

    expect(form.uploadFile).toHaveBeenCalledWith(file, "image_url");
    await waitFor(() => expect(form.value().image_url).toBe("https://cdn.test/photo.png"));
    expect(screen.getByRole("img", { name: "Preview of photo.png" }).getAttribute("src")).toBe(
      "https://cdn.test/photo.png",
    );
  });

  it("uploads a dropped file", async () => {
    const form = renderModelForm(i2v);
    const file = image("dropped.webp", "image/webp");
    fireEvent.drop(dropZoneOf("Image url"), { dataTransfer: { files: [file] } });

    expect(form.uploadFile).toHaveBeenCalledWith(file, "image_url");
    await waitFor(() => expect(form.value().image_url).toBe("https://cdn.test/dropped.webp"));
  });

  it("refuses an image over 20 MB with a message, without uploading it", () => {
    const form = renderModelForm(i2v);
    fireEvent.drop(dropZoneOf("Image url"), {
      dataTransfer: { files: [image("huge.png", "image/png", 25 * MB)] },
    });

    expect(form.uploadFile).not.toHaveBeenCalled();
    expect(uploadErrorOf("Image url")).toMatch(/25 MB.*limit is 20 MB/);
    expect(form.value().image_url).toBeUndefined();
  });

  it("refuses a video dropped on an image field, naming the formats it takes", () => {
    const form = renderModelForm(i2v);
    fireEvent.drop(dropZoneOf("Image url"), {
      dataTransfer: { files: [image("clip.mp4", "video/mp4")] },
    });

    expect(form.uploadFile).not.toHaveBeenCalled();
    expect(uploadErrorOf("Image url")).toMatch(/JPEG, PNG, WebP or GIF/);
  });

  it("accepts a pasted link as the value, without uploading anything", async () => {
    const user = userEvent.setup();
    const form = renderModelForm(i2v);
    await user.click(screen.getByLabelText("Image url link"));
    await user.paste("https://example.com/cat.jpg");

    expect(form.value().image_url).toBe("https://example.com/cat.jpg");
    expect(form.uploadFile).not.toHaveBeenCalled();
    expect(screen.getByRole("img", { name: "Preview of cat.jpg" })).toBeTruthy();
  });

  it("takes a typed link on Enter without running the model, and refuses one that is not a link", async () => {
    const user = userEvent.setup();
    const form = renderModelForm(i2v);
    const link = screen.getByLabelText("Image url link");
    await user.type(link, "not a link{Enter}");
    expect(uploadErrorOf("Image url")).toMatch(/https:\/\//);
    expect(form.value().image_url).toBeUndefined();

    await user.clear(link);
    await user.type(link, "https://example.com/a.png{Enter}");
    expect(form.value().image_url).toBe("https://example.com/a.png");
    expect(form.onSubmit).not.toHaveBeenCalled();
  });

  it("holds Run while an upload is pending, then lets it run with the URL", async () => {
    const user = userEvent.setup();
    let finish: (url: string) => void = () => {};
    const uploadFile = vi.fn(() => new Promise<string>((resolve) => (finish = resolve)));
    const form = renderModelForm(i2v, { uploadFile });
    await user.upload(screen.getByLabelText("Image url"), image());

    const run = screen.getByRole("button", { name: /Waiting for uploads/ });
    expect(run).toHaveProperty("disabled", true);
    expect(screen.getByText("Uploading photo.png…")).toBeTruthy();

    await act(async () => finish("https://cdn.test/final.png"));
    await user.click(screen.getByRole("button", { name: "Run" }));
    expect(form.onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ image_url: "https://cdn.test/final.png" }),
    );
  });

  it("says what failed when the upload fails, and keeps the field empty", async () => {
    const user = userEvent.setup();
    const uploadFile = vi.fn(async () => {
      throw new Error("network down");
    });
    const form = renderModelForm(i2v, { uploadFile });
    await user.upload(screen.getByLabelText("Image url"), image());
    await waitFor(() =>
      expect(uploadErrorOf("Image url")).toMatch(/Could not upload photo\.png: network down/),
    );
    expect(form.value().image_url).toBeUndefined();
    expect(screen.getByRole("button", { name: "Run" })).toHaveProperty("disabled", false);
  });

  it("removes a chosen file", async () => {
    const user = userEvent.setup();
    const form = renderModelForm(i2v, { initial: { image_url: "https://example.com/old.png" } });
    await user.click(screen.getByRole("button", { name: "Remove old.png" }));
    expect(form.value().image_url).toBeUndefined();
  });

  it("fills a list of images up to the 4-per-request limit and says what was left out", async () => {
    const schema: JsonSchema = {
      type: "object",
      required: ["prompt"],
      properties: {
        prompt: { type: "string" },
        image_urls: { type: "array", items: { type: "string", format: "uri" } },
      },
    };
    const form = renderModelForm(schema, { initial: { prompt: "mix" } });
    const files = ["a", "b", "c", "d", "e"].map((n) => image(`${n}.png`));
    fireEvent.drop(dropZoneOf("Image urls"), { dataTransfer: { files } });

    expect(form.uploadFile).toHaveBeenCalledTimes(4);
    expect(uploadErrorOf("Image urls")).toMatch(/At most 4 images.*1 left out/);
    await waitFor(() => expect(form.value().image_urls).toHaveLength(4));
    expect(form.value().image_urls).toEqual(
      ["a", "b", "c", "d"].map((n) => `https://cdn.test/${n}.png`),
    );
  });
});
