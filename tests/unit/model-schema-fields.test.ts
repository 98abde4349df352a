import { describe, expect, it } from "vitest";
import type { RJSFValidationError } from "@rjsf/utils";
import type { JsonSchema } from "@/lib/shared/catalog-types";
import {
  friendlyErrors,
  humanizeFieldName,
  mediaKindOfField,
  placeFieldErrors,
} from "@/lib/shared/model-schema";

const uri = { type: "string", format: "uri" };

describe("mediaKindOfField", () => {
  it.each([
    ["image_url", uri, "image"],
    ["image_url", { type: "string" }, "image"],
    ["mask", uri, "image"],
    ["image", uri, "image"],
    ["face_url", uri, "image"],
    ["start_image", { type: "string" }, "image"],
    ["reference_images", { type: "array", items: uri }, "image"],
    ["image_urls", { type: "array", items: { type: "string" } }, "image"],
    ["video_url", uri, "video"],
    ["input_video", { type: "string" }, "video"],
    ["audio_url", uri, "audio"],
    ["audio", { type: "string" }, "audio"],
    ["init_audio", uri, "audio"],
    ["lora_url", uri, "file"],
    ["input_file", { type: "string" }, "file"],
    ["source", { ...uri, description: "Mask file (JPEG, PNG, WebP)" }, "image"],
  ] as const)("%s (%j) takes a file of kind %s", (name, schema, kind) => {
    expect(mediaKindOfField(name, schema as JsonSchema)).toBe(kind);
  });

  it.each([
    ["prompt", { type: "string" }],
    ["voice", { type: "string", default: "rachel" }],
    ["image_size", { type: "string", enum: ["square", "portrait"] }],
    ["image_size", { type: "string" }],
    ["mask_prompt", { type: "string" }],
    ["num_images", { type: "integer" }],
    ["face_enhance", { type: "boolean" }],
    ["lora_links", { type: "string", default: "" }],
    ["webhook_url", uri],
    ["output_format", { type: "string", enum: ["png"] }],
  ] as const)("%s (%j) is not a file field", (name, schema) => {
    expect(mediaKindOfField(name, schema as JsonSchema)).toBeNull();
  });
});

describe("humanizeFieldName", () => {
  it.each([
    ["num_outputs", "Num outputs"],
    ["startImage", "Start image"],
    ["guidance-scale", "Guidance scale"],
    ["seed", "Seed"],
  ])("%s reads as %s", (name, label) => {
    expect(humanizeFieldName(name)).toBe(label);
  });
});

describe("placeFieldErrors", () => {
  const schema: JsonSchema = {
    type: "object",
    properties: { prompt: {}, size: {}, image_urls: {} },
  };

  it("builds rjsf's error tree from field names, nested paths included", () => {
    const { tree, unplaced } = placeFieldErrors(schema, {
      prompt: "Too long",
      "size.width": "Must be a multiple of 8",
      "image_urls[1]": "Not reachable",
    });
    expect(tree).toEqual({
      prompt: { __errors: ["Too long"] },
      size: { width: { __errors: ["Must be a multiple of 8"] } },
      image_urls: { 1: { __errors: ["Not reachable"] } },
    });
    expect(unplaced).toEqual([]);
  });

  it("returns errors for fields the form does not have, so they can be shown elsewhere", () => {
    const { tree, unplaced } = placeFieldErrors(schema, {
      webhook_url: "Not allowed",
      "": "Bad input",
    });
    expect(tree).toEqual({});
    expect(unplaced).toEqual(["webhook_url: Not allowed", "Bad input"]);
  });
});

describe("friendlyErrors", () => {
  const error = (name: string, params: Record<string, unknown>): RJSFValidationError => ({
    name,
    params,
    property: ".f",
    message: "ajv words",
    stack: ".f ajv words",
  });

  it.each([
    ["required", {}, "This field is required."],
    ["maximum", { limit: 4 }, "Must be at most 4."],
    ["minimum", { limit: 1 }, "Must be at least 1."],
    ["maxLength", { limit: 10000 }, "Must be at most 10,000 characters."],
    ["format", { format: "uri" }, "Enter a full link, like https://example.com/file.png."],
    ["type", { type: "integer" }, "Must be a whole number."],
    ["enum", {}, "Choose one of the options."],
  ])("says %s errors in plain words", (name, params, message) => {
    expect(friendlyErrors([error(name, params)])[0]?.message).toBe(message);
  });

  it("leaves errors it has no words for unchanged", () => {
    expect(friendlyErrors([error("if", {})])[0]?.message).toBe("ajv words");
  });
});
