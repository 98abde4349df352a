import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { JsonSchema } from "@/lib/shared/catalog-types";
import { prepareSchema } from "@/lib/shared/model-schema";

type Fixture = { slug: string; request_schema: JsonSchema };
const models = JSON.parse(
  readFileSync(path.join(import.meta.dirname, "../../simulator/fixtures/models.json"), "utf8"),
) as Fixture[];

const props = (schema: JsonSchema) => schema.properties as Record<string, JsonSchema>;
const ui = (uiSchema: JsonSchema, field: string) => uiSchema[field] as Record<string, unknown>;
const widgetOf = (uiSchema: JsonSchema, field: string) => ui(uiSchema, field)["ui:widget"];

/** Fails if a schema still holds what rjsf mishandles. */
function assertPlain(node: unknown, where = "schema"): void {
  if (Array.isArray(node)) return node.forEach((item, i) => assertPlain(item, `${where}[${i}]`));
  if (typeof node !== "object" || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    expect(key, where).not.toBe("$ref");
    expect(key, where).not.toBe("allOf");
    if (key !== "default" && key !== "enum" && key !== "const")
      assertPlain(value, `${where}.${key}`);
  }
}

describe("prepareSchema on every fixture model", () => {
  it.each(models.map((m) => [m.slug, m.request_schema] as const))(
    "%s: every field present, in the uiSchema order",
    (_slug, raw) => {
      const prepared = prepareSchema(raw);
      const names = Object.keys(props(raw));
      expect([...prepared.fieldOrder].sort()).toEqual([...names].sort());
      expect(prepared.uiSchema["ui:order"]).toEqual(prepared.fieldOrder);
      for (const name of names) expect(ui(prepared.uiSchema, name)["ui:title"]).toBeTruthy();
      assertPlain(prepared.schema);
      // Required fields come first.
      const required = (raw.required as string[] | undefined) ?? [];
      expect(prepared.fieldOrder.slice(0, required.length).sort()).toEqual([...required].sort());
    },
  );

  it("flux-2-max: prompt textarea, aspect ratio segmented, num_outputs slider, seed with randomize", () => {
    const { uiSchema } = prepareSchema(models.find((m) => m.slug === "flux-2-max")!.request_schema);
    expect(widgetOf(uiSchema, "prompt")).toBe("prompt");
    expect(ui(uiSchema, "prompt")["ui:options"]).toEqual({ maxLength: 10_000 });
    expect(widgetOf(uiSchema, "aspect_ratio")).toBe("segmented");
    expect(ui(uiSchema, "aspect_ratio")["ui:options"]).toEqual({ aspectRatio: true });
    expect(widgetOf(uiSchema, "num_outputs")).toBe("slider");
    expect(widgetOf(uiSchema, "seed")).toBe("seed");
  });

  it("each-upscaler: folds 17 knobs under Advanced, keeps files, prompts and seed in view", () => {
    const prepared = prepareSchema(models.find((m) => m.slug === "each-upscaler")!.request_schema);
    expect(prepared.fieldOrder.slice(0, 5)).toEqual([
      "image",
      "mask",
      "seed",
      "prompt",
      "negative_prompt",
    ]);
    expect(prepared.advanced).toHaveLength(17);
    expect(prepared.advanced).not.toContain("seed");
    expect(prepared.fieldOrder.slice(5)).toEqual(prepared.advanced);
    expect(prepared.uiSchema["ui:options"]).toEqual({ advanced: prepared.advanced });
    expect(widgetOf(prepared.uiSchema, "image")).toBe("mediaUpload");
    expect(widgetOf(prepared.uiSchema, "pattern")).toBe("switch");
    expect(widgetOf(prepared.uiSchema, "scheduler")).toBe("select");
    expect(widgetOf(prepared.uiSchema, "output_format")).toBe("segmented");
    expect(widgetOf(prepared.uiSchema, "creativity")).toBe("slider");
    expect(ui(prepared.uiSchema, "creativity")["ui:options"]).toEqual({ step: 0.01 });
    expect(widgetOf(prepared.uiSchema, "lora_links")).toBeUndefined();
  });

  it("keeps a short form whole: four optional fields or fewer are never folded", () => {
    for (const slug of ["elevenlabs-tts", "kling-3-0", "flux-2-max"]) {
      expect(
        prepareSchema(models.find((m) => m.slug === slug)!.request_schema).advanced,
        slug,
      ).toEqual([]);
    }
  });
});

describe("prepareSchema on messy schemas", () => {
  it("resolves $ref to definitions and $defs, siblings winning over the referenced type", () => {
    const { schema } = prepareSchema({
      type: "object",
      definitions: { Ratio: { type: "string", enum: ["1:1", "16:9"], title: "ratio" } },
      $defs: { Steps: { type: "integer", minimum: 1, maximum: 50 } },
      properties: {
        ratio: { $ref: "#/definitions/Ratio", title: "Aspect ratio", default: "16:9" },
        steps: { $ref: "#/$defs/Steps", default: "28" },
      },
    });
    expect(props(schema).ratio).toMatchObject({
      type: "string",
      enum: ["1:1", "16:9"],
      title: "Aspect ratio",
      default: "16:9",
    });
    expect(props(schema).steps).toMatchObject({
      type: "integer",
      minimum: 1,
      maximum: 50,
      default: 28,
    });
    expect(schema).not.toHaveProperty("definitions");
    expect(schema).not.toHaveProperty("$defs");
  });

  it("flattens a Cog allOf-wrapped enum, keeping its default and dropping the boilerplate description", () => {
    const { schema, uiSchema } = prepareSchema({
      type: "object",
      definitions: {
        scheduler: {
          title: "scheduler",
          description: "An enumeration.",
          type: "string",
          enum: ["DDIM", "K_EULER"],
        },
      },
      properties: {
        scheduler: {
          allOf: [{ $ref: "#/definitions/scheduler" }],
          default: "K_EULER",
          "x-order": 3,
          description: "Scheduling algorithm",
        },
      },
    });
    expect(props(schema).scheduler).toEqual({
      type: "string",
      enum: ["DDIM", "K_EULER"],
      title: "scheduler",
      default: "K_EULER",
      "x-order": 3,
      description: "Scheduling algorithm",
    });
    expect(widgetOf(uiSchema, "scheduler")).toBe("segmented");
  });

  it("resolves OpenAPI-style #/components/schemas refs too", () => {
    const { schema } = prepareSchema({
      type: "object",
      components: { schemas: { fmt: { type: "string", enum: ["png", "jpg"] } } },
      properties: {
        output_format: { allOf: [{ $ref: "#/components/schemas/fmt" }], default: "png" },
      },
    });
    expect(props(schema).output_format).toMatchObject({ enum: ["png", "jpg"], default: "png" });
  });

  it("survives a self-referencing schema and a dangling ref", () => {
    const prepared = prepareSchema({
      type: "object",
      definitions: {
        Node: {
          type: "object",
          properties: { label: { type: "string" }, child: { $ref: "#/definitions/Node" } },
        },
      },
      properties: {
        tree: { $ref: "#/definitions/Node" },
        lost: { $ref: "#/definitions/Missing", title: "Lost" },
      },
    });
    expect(prepared.fieldOrder).toEqual(["tree", "lost"]);
    expect(props(prepared.schema).lost).toMatchObject({ type: "string", title: "Lost" });
    assertPlain(prepared.schema);
  });

  it("turns oneOf const options into an enum with their titles as labels", () => {
    const { schema, uiSchema } = prepareSchema({
      type: "object",
      properties: {
        quality: {
          oneOf: [
            { const: 1, title: "Low" },
            { const: 2, title: "High" },
          ],
          default: "2",
        },
      },
    });
    expect(props(schema).quality).toEqual({ type: "integer", enum: [1, 2], default: 2 });
    expect(ui(uiSchema, "quality")["ui:enumNames"]).toEqual(["Low", "High"]);
    expect(widgetOf(uiSchema, "quality")).toBe("segmented");
  });

  it("reads a nullable anyOf as its one real type", () => {
    const { schema } = prepareSchema({
      type: "object",
      properties: {
        steps: {
          anyOf: [{ type: "integer", minimum: 1 }, { type: "null" }],
          default: null,
          title: "Steps",
        },
      },
    });
    expect(props(schema).steps).toEqual({ type: "integer", minimum: 1, title: "Steps" });
  });

  it("keeps discriminated object options, pinning and hiding the discriminator", () => {
    const { schema, uiSchema } = prepareSchema({
      type: "object",
      properties: {
        source: {
          discriminator: { propertyName: "kind" },
          oneOf: [
            { type: "object", properties: { kind: { const: "text" }, text: { type: "string" } } },
            {
              type: "object",
              title: "Link",
              properties: { kind: { const: "link" }, url: { type: "string", format: "uri" } },
            },
          ],
        },
      },
    });
    const source = props(schema).source!;
    const options = source.oneOf as JsonSchema[];
    expect(source.discriminator).toEqual({ propertyName: "kind" });
    expect(props(options[0]!).kind).toMatchObject({ const: "text", default: "text" });
    const optionUi = ui(uiSchema, "source").oneOf as Record<string, Record<string, unknown>>[];
    expect(optionUi[0]?.["ui:title"]).toBe("Text");
    expect(optionUi[1]?.["ui:title"]).toBe("Link");
    expect(optionUi[0]?.kind?.["ui:widget"]).toBe("hidden");
  });

  it("infers a discriminator when every option pins the same property", () => {
    const { schema } = prepareSchema({
      type: "object",
      properties: {
        mode: {
          anyOf: [
            { type: "object", properties: { type: { enum: ["a"] }, x: { type: "number" } } },
            { type: "object", properties: { type: { enum: ["b"] }, y: { type: "number" } } },
          ],
        },
      },
    });
    expect(props(schema).mode?.discriminator).toEqual({ propertyName: "type" });
  });

  it.each([
    ["integer", "1", 1],
    ["integer", "2.0", 2],
    ["number", "0.75", 0.75],
    ["number", "0.5", 0.5],
    ["boolean", "False", false],
    ["boolean", "true", true],
    ["boolean", "TRUE", true],
    ["string", 5, "5"],
    ["array", '["a","b"]', ["a", "b"]],
  ] as const)("coerces a %s default written as %j", (type, raw, expected) => {
    const { schema } = prepareSchema({ type: "object", properties: { f: { type, default: raw } } });
    expect(props(schema).f?.default).toEqual(expected);
  });

  it.each([
    ["integer", "abc"],
    ["integer", "1.5"],
    ["boolean", "maybe"],
    ["string", null],
  ] as const)("drops a %s default that cannot be read (%j)", (type, raw) => {
    const { schema } = prepareSchema({ type: "object", properties: { f: { type, default: raw } } });
    expect(props(schema).f).not.toHaveProperty("default");
  });

  it("matches an enum default written as another type, drops one not in the enum", () => {
    const { schema } = prepareSchema({
      type: "object",
      properties: {
        scale: { type: "integer", enum: [2, 4], default: "4" },
        format: { type: "string", enum: ["png", "jpg"], default: "gif" },
        size: { type: "string", enum: ["S", "M"], default: "m" },
      },
    });
    expect(props(schema).scale?.default).toBe(4);
    expect(props(schema).format).not.toHaveProperty("default");
    expect(props(schema).size?.default).toBe("M");
  });

  it("reads numeric keywords written as strings and type lists", () => {
    const { schema, uiSchema } = prepareSchema({
      type: "object",
      properties: {
        strength: { type: ["number", "null"], minimum: "0", maximum: "1", default: "0.8" },
      },
    });
    expect(props(schema).strength).toEqual({
      type: "number",
      minimum: 0,
      maximum: 1,
      default: 0.8,
    });
    expect(widgetOf(uiSchema, "strength")).toBe("slider");
  });

  it("infers a missing type from the enum or default, falling back to text", () => {
    const { schema } = prepareSchema({
      type: "object",
      properties: { a: { enum: [1, 2] }, b: { default: true }, c: { description: "anything" } },
    });
    expect(props(schema).a?.type).toBe("integer");
    expect(props(schema).b?.type).toBe("boolean");
    expect(props(schema).c?.type).toBe("string");
  });

  it("prepares nested objects: typed defaults, titles and order inside", () => {
    const { schema, uiSchema } = prepareSchema({
      type: "object",
      properties: {
        size: {
          type: "object",
          required: ["height"],
          properties: {
            width: { type: "integer", default: "1024", "x-order": 0 },
            height: { type: "integer", "x-order": 1 },
          },
        },
      },
    });
    expect(props(props(schema).size!).width?.default).toBe(1024);
    expect(ui(uiSchema, "size")["ui:order"]).toEqual(["height", "width"]);
    expect((ui(uiSchema, "size").width as Record<string, unknown>)["ui:title"]).toBe("Width");
  });

  it("gives an array of URIs a multi-file drop zone capped at 4 images", () => {
    const { uiSchema } = prepareSchema({
      type: "object",
      properties: {
        image_urls: { type: "array", items: { type: "string", format: "uri" } },
        reference_videos: { type: "array", maxItems: 2, items: { type: "string", format: "uri" } },
      },
    });
    expect(ui(uiSchema, "image_urls")).toMatchObject({
      "ui:widget": "mediaUpload",
      "ui:options": { kind: "image", multiple: true, maxFiles: 4 },
    });
    expect(ui(uiSchema, "reference_videos")["ui:options"]).toEqual({
      kind: "video",
      multiple: true,
      maxFiles: 2,
    });
  });

  it("orders by x-order with required fields first, unordered fields last", () => {
    const { fieldOrder } = prepareSchema({
      type: "object",
      required: ["image"],
      properties: {
        extra: { type: "string" },
        seed: { type: "integer", "x-order": 2 },
        prompt: { type: "string", "x-order": 1 },
        image: { type: "string", "x-order": 5 },
      },
    });
    expect(fieldOrder).toEqual(["image", "prompt", "seed", "extra"]);
  });

  it("accepts a schema with no properties or no type at all", () => {
    expect(prepareSchema({}).fieldOrder).toEqual([]);
    expect(prepareSchema({ properties: { a: { type: "string" } } }).schema.type).toBe("object");
  });
});
