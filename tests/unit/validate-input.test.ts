import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { schemaErrors } from "@/lib/runs/validate-input";
import type { UpstreamModel } from "@/lib/shared/catalog-types";

const models = JSON.parse(
  fs.readFileSync(
    path.resolve(import.meta.dirname, "../../simulator/fixtures/models.json"),
    "utf8",
  ),
) as UpstreamModel[];
const schemaOf = (slug: string) => models.find((m) => m.slug === slug)!.request_schema;

describe("schemaErrors", () => {
  it("accepts a valid flux-2-max input", () => {
    expect(
      schemaErrors(schemaOf("flux-2-max"), {
        prompt: "a cat",
        aspect_ratio: "16:9",
        num_outputs: 2,
      }),
    ).toEqual({});
  });

  it("names each broken field with a message a person understands", () => {
    expect(schemaErrors(schemaOf("flux-2-max"), { aspect_ratio: "5:1", num_outputs: 9 })).toEqual({
      prompt: "This field is required.",
      aspect_ratio: "Choose one of: 1:1, 16:9, 9:16, 4:3, 3:4, 3:2, 2:3.",
      num_outputs: "Must be at most 4.",
    });
  });

  it("checks a file field is a URL", () => {
    expect(
      schemaErrors(schemaOf("flux-2-edit"), { prompt: "x", image_url: "not a url" }),
    ).toMatchObject({ image_url: "Must be a URL (upload a file or paste a link)." });
  });

  it("accepts every fixture's own defaults", () => {
    for (const model of models) {
      const properties = (model.request_schema.properties ?? {}) as Record<
        string,
        { default?: unknown; format?: string; type?: string }
      >;
      const input: Record<string, unknown> = {};
      for (const [name, field] of Object.entries(properties)) {
        if (field.default !== undefined) input[name] = field.default;
      }
      for (const name of (model.request_schema.required ?? []) as string[]) {
        input[name] ??=
          properties[name]?.format === "uri"
            ? "https://example.com/a.png"
            : properties[name]?.type === "integer"
              ? 1
              : "x";
      }
      expect(schemaErrors(model.request_schema, input), model.slug).toEqual({});
    }
  });
});
