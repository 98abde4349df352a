import { describe, expect, it } from "vitest";
import { inputNameProblem, inputRows, newInputName, schemaFromRows } from "./input-schema-rows";

const schema = {
  type: "object",
  additionalProperties: false,
  properties: {
    prompt: { type: "string", description: "What to make" },
    style: { type: "string", enum: ["neon", "cinematic"], default: "neon" },
  },
  required: ["prompt"],
};

describe("the inputs editor's rows", () => {
  it("reads an input_schema and writes it back unchanged", () => {
    const rows = inputRows(schema);
    expect(rows.map((r) => [r.name, r.type, r.required, r.description])).toEqual([
      ["prompt", "string", true, "What to make"],
      ["style", "string", false, ""],
    ]);
    expect(schemaFromRows(rows, schema)).toEqual(schema);
  });

  it("keeps what it does not edit (enum, default) when a row changes", () => {
    const rows = inputRows(schema).map((row) =>
      row.name === "style" ? { ...row, name: "look", required: true } : row,
    );
    expect(schemaFromRows(rows, schema)).toEqual({
      ...schema,
      properties: {
        prompt: schema.properties.prompt,
        look: { type: "string", enum: ["neon", "cinematic"], default: "neon" },
      },
      required: ["prompt", "look"],
    });
  });

  it("drops `required` when nothing is, and names new inputs freely", () => {
    expect(schemaFromRows([], undefined)).toEqual({ type: "object", properties: {} });
    expect(newInputName(inputRows({ properties: { input_1: {} } }))).toBe("input_2");
  });

  it("refuses names a template could not read", () => {
    expect(inputNameProblem("", [])).toMatch(/name/);
    expect(inputNameProblem("my prompt", [])).toMatch(/letters, digits/);
    expect(inputNameProblem("prompt", ["prompt"])).toMatch(/already/);
    expect(inputNameProblem("prompt_2", ["prompt"])).toBeNull();
  });
});
