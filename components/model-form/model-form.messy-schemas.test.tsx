import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { JsonSchema } from "@/lib/shared/catalog-types";
import { renderModelForm } from "./test-support/harness";

describe("ModelForm with messy real-world schemas", () => {
  it("offers oneOf const options by their titles and submits their values", async () => {
    const user = userEvent.setup();
    const schema: JsonSchema = {
      type: "object",
      properties: {
        quality: {
          title: "Quality",
          oneOf: [
            { const: "draft", title: "Draft (fast)" },
            { const: "standard", title: "Standard" },
            { const: "ultra_high_definition", title: "Ultra high definition" },
          ],
          default: "standard",
        },
      },
    };
    const form = renderModelForm(schema);
    const select = screen.getByLabelText("Quality");
    const labels = within(select)
      .getAllByRole("option")
      .map((option) => option.textContent);
    expect(labels).toEqual(["Draft (fast)", "Standard", "Ultra high definition"]);
    expect((select as HTMLSelectElement).selectedOptions[0]?.textContent).toBe("Standard");
    await user.selectOptions(select, "Draft (fast)");
    await user.click(screen.getByRole("button", { name: "Run" }));
    expect(form.onSubmit).toHaveBeenCalledWith({ quality: "draft" });
  });

  it("lets an optional choice without a default go back to the model's default", async () => {
    const user = userEvent.setup();
    const schema: JsonSchema = {
      type: "object",
      properties: { style: { type: "string", enum: ["photo", "anime", "3d"] } },
    };
    const form = renderModelForm(schema);
    expect(screen.getByRole("radio", { name: "Default" })).toHaveProperty("checked", true);
    await user.click(screen.getByRole("radio", { name: "anime" }));
    expect(form.value().style).toBe("anime");
    await user.click(screen.getByRole("radio", { name: "Default" }));
    await user.click(screen.getByRole("button", { name: "Run" }));
    expect(form.onSubmit).toHaveBeenCalledWith({});
  });

  it("turns string defaults into typed values the widgets show", async () => {
    const user = userEvent.setup();
    const schema: JsonSchema = {
      type: "object",
      properties: {
        num_images: { type: "integer", default: "1", minimum: 1, maximum: 4 },
        guidance: { type: "number", default: "0.75" },
        enhance: { type: "boolean", default: "False" },
      },
    };
    const form = renderModelForm(schema);
    expect(form.value()).toEqual({ num_images: 1, guidance: 0.75, enhance: false });
    expect(screen.getByLabelText("Enhance").getAttribute("aria-checked")).toBe("false");
    await user.click(screen.getByLabelText("Enhance"));
    await user.click(screen.getByRole("button", { name: "Run" }));
    expect(form.onSubmit).toHaveBeenCalledWith({ num_images: 1, guidance: 0.75, enhance: true });
  });

  it("renders a nested object's fields under its own heading and submits them nested", async () => {
    const user = userEvent.setup();
    const schema: JsonSchema = {
      type: "object",
      properties: {
        size: {
          title: "Image size",
          type: "object",
          properties: {
            width: { type: "integer", default: 1024 },
            height: { type: "integer", default: 768 },
          },
        },
      },
    };
    const form = renderModelForm(schema);
    expect(screen.getByRole("group", { name: "Image size" })).toBeTruthy();
    await user.clear(screen.getByLabelText("Width"));
    await user.type(screen.getByLabelText("Width"), "512");
    await user.click(screen.getByRole("button", { name: "Run" }));
    expect(form.onSubmit).toHaveBeenCalledWith({ size: { width: 512, height: 768 } });
  });

  it("switches between discriminated options and submits the chosen one's fields", async () => {
    const user = userEvent.setup();
    const schema: JsonSchema = {
      type: "object",
      properties: {
        source: {
          title: "Source",
          discriminator: { propertyName: "kind" },
          oneOf: [
            {
              title: "From text",
              type: "object",
              properties: { kind: { const: "text" }, text: { type: "string", title: "Text" } },
            },
            {
              title: "From link",
              type: "object",
              properties: {
                kind: { const: "link" },
                link_url: { type: "string", format: "uri", title: "Link" },
              },
            },
          ],
        },
      },
    };
    const form = renderModelForm(schema);
    await user.type(screen.getByLabelText("Text"), "hello");
    await user.click(screen.getByRole("button", { name: "Run" }));
    expect(form.onSubmit).toHaveBeenLastCalledWith({ source: { kind: "text", text: "hello" } });

    await user.selectOptions(screen.getByRole("combobox", { name: "Source" }), "From link");
    await user.click(screen.getByLabelText("Link link"));
    await user.paste("https://example.com/doc.pdf");
    await user.click(screen.getByRole("button", { name: "Run" }));
    expect(form.onSubmit).toHaveBeenLastCalledWith({
      source: { kind: "link", link_url: "https://example.com/doc.pdf" },
    });
  });

  it("adds and removes items of a plain list", async () => {
    const user = userEvent.setup();
    const schema: JsonSchema = {
      type: "object",
      properties: { tags: { title: "Tags", type: "array", items: { type: "string" } } },
    };
    const form = renderModelForm(schema);
    await user.click(screen.getByRole("button", { name: /Add item/ }));
    await user.click(screen.getByRole("button", { name: /Add item/ }));
    const boxes = screen.getAllByRole("textbox");
    await user.type(boxes[0]!, "sunset");
    await user.type(boxes[1]!, "sea");
    await user.click(screen.getAllByRole("button", { name: "Remove item" })[0]!);
    await user.click(screen.getByRole("button", { name: "Run" }));
    expect(form.onSubmit).toHaveBeenCalledWith({ tags: ["sea"] });
  });
});
