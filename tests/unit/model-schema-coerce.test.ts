import { describe, expect, it } from "vitest";
import type { JsonSchema } from "@/lib/shared/catalog-types";
import { coerceInput } from "@/lib/shared/model-schema";

const schema: JsonSchema = {
  type: "object",
  required: ["prompt"],
  definitions: { sched: { type: "string", enum: ["DDIM", "K_EULER"] } },
  properties: {
    prompt: { type: "string" },
    negative_prompt: { type: "string" },
    num_outputs: { type: "integer", minimum: 1, maximum: 4 },
    guidance: { type: "number" },
    enhance: { type: "boolean" },
    scale: { type: "integer", enum: [2, 4] },
    scheduler: { allOf: [{ $ref: "#/definitions/sched" }] },
    image_urls: { type: "array", items: { type: "string", format: "uri" } },
    size: {
      type: "object",
      properties: { width: { type: "integer" }, height: { type: "integer" } },
    },
  },
};

describe("coerceInput", () => {
  it("sends numbers and booleans typed, whatever the widgets handed back", () => {
    expect(
      coerceInput(schema, {
        prompt: "p",
        num_outputs: "2",
        guidance: "7.5",
        enhance: "false",
        scale: "4",
        scheduler: "K_EULER",
      }),
    ).toEqual({
      prompt: "p",
      num_outputs: 2,
      guidance: 7.5,
      enhance: false,
      scale: 4,
      scheduler: "K_EULER",
    });
  });

  it("leaves out empty optional strings, undefined, null and empty lists", () => {
    expect(
      coerceInput(schema, {
        prompt: "p",
        negative_prompt: "",
        guidance: undefined,
        enhance: null,
        image_urls: [],
        num_outputs: "  ",
      }),
    ).toEqual({ prompt: "p" });
  });

  it("keeps false and 0, which are values, not absence", () => {
    expect(coerceInput(schema, { prompt: "p", enhance: false, guidance: 0 })).toEqual({
      prompt: "p",
      enhance: false,
      guidance: 0,
    });
  });

  it("keeps an empty required string so the missing field is named by validation", () => {
    expect(coerceInput(schema, { prompt: "" })).toEqual({ prompt: "" });
  });

  it("drops keys no field owns (UI-only state)", () => {
    expect(coerceInput(schema, { prompt: "p", __uploading: true, advancedOpen: true })).toEqual({
      prompt: "p",
    });
  });

  it("cleans arrays and nested objects, dropping an object left empty", () => {
    expect(
      coerceInput(schema, {
        prompt: "p",
        image_urls: ["https://a/1.png", "", "https://a/2.png"],
        size: { width: "512", height: "" },
      }),
    ).toEqual({
      prompt: "p",
      image_urls: ["https://a/1.png", "https://a/2.png"],
      size: { width: 512 },
    });
    expect(coerceInput(schema, { prompt: "p", size: { width: "", height: undefined } })).toEqual({
      prompt: "p",
    });
  });

  it("sends a value that cannot be read as its type unchanged, for validation to name", () => {
    expect(coerceInput(schema, { prompt: "p", num_outputs: "2.5" })).toEqual({
      prompt: "p",
      num_outputs: "2.5",
    });
  });

  it("shapes a discriminated option by the option chosen", () => {
    const union: JsonSchema = {
      type: "object",
      properties: {
        source: {
          discriminator: { propertyName: "kind" },
          oneOf: [
            { type: "object", properties: { kind: { const: "text" }, text: { type: "string" } } },
            { type: "object", properties: { kind: { const: "count" }, n: { type: "integer" } } },
          ],
        },
      },
    };
    expect(coerceInput(union, { source: { kind: "count", n: "3", text: "stale" } })).toEqual({
      source: { kind: "count", n: 3 },
    });
  });

  it("passes data through when the schema names no fields", () => {
    expect(coerceInput({ type: "object" }, { anything: 1 })).toEqual({ anything: 1 });
  });
});
