import { describe, expect, it } from "vitest";
import { csvToRows, parseCsv, rowInputs } from "./csv-rows";

const names = ["prompt", "style", "count", "upscale"];

describe("parseCsv", () => {
  it("reads quoted cells with commas, doubled quotes and line breaks", () => {
    const text = 'prompt,style\n"A cat, sitting","say ""hi"""\n"two\nlines",neon\r\nplain,x';
    expect(parseCsv(text)).toEqual([
      ["prompt", "style"],
      ["A cat, sitting", 'say "hi"'],
      ["two\nlines", "neon"],
      ["plain", "x"],
    ]);
  });

  it("skips blank lines and keeps empty cells", () => {
    expect(parseCsv("a,b\n\n1,\n,2\n\n")).toEqual([
      ["a", "b"],
      ["1", ""],
      ["", "2"],
    ]);
  });
});

describe("csvToRows", () => {
  it("maps each line to the header's inputs", () => {
    const result = csvToRows('prompt,style\n"A fox, running",neon\nAn owl,', names);
    expect(result).toEqual({
      ok: true,
      columns: ["prompt", "style"],
      rows: [
        { prompt: "A fox, running", style: "neon" },
        { prompt: "An owl", style: "" },
      ],
    });
  });

  it("accepts ten rows and refuses eleven, saying how many there were", () => {
    const lines = (n: number) =>
      ["prompt", ...Array.from({ length: n }, (_, i) => `p${i}`)].join("\n");
    expect(csvToRows(lines(10), names)).toMatchObject({ ok: true });
    expect(csvToRows(lines(11), names)).toEqual({
      ok: false,
      message: "At most 10 rows run at once; this CSV has 11. Split it into several bulk runs.",
    });
  });

  it("names unknown columns and lists the workflow's inputs", () => {
    expect(csvToRows("prompt,colour,size\nx,y,z", names)).toEqual({
      ok: false,
      message:
        "Unknown columns “colour”, “size”. This workflow's inputs are: prompt, style, count, upscale.",
    });
    expect(csvToRows("x\n1", [])).toEqual({
      ok: false,
      message: "Unknown column “x”. This workflow declares no inputs.",
    });
  });

  it("refuses rows with more values than columns, an empty header and no rows", () => {
    expect(csvToRows("prompt\na,b", names)).toMatchObject({
      ok: false,
      message: /Row 1 has 2 values/,
    });
    expect(csvToRows("", names)).toMatchObject({ ok: false, message: /header line/ });
    expect(csvToRows("prompt,", names)).toMatchObject({ ok: false, message: /needs a name/ });
    expect(csvToRows("prompt", names)).toMatchObject({ ok: false, message: /at least one row/ });
    expect(csvToRows("prompt,prompt\na,b", names)).toMatchObject({ ok: false, message: /twice/ });
  });
});

describe("rowInputs", () => {
  const schema = {
    type: "object",
    properties: {
      prompt: { type: "string" },
      count: { type: "integer" },
      upscale: { type: "boolean" },
      tags: { type: "array" },
    },
  };

  it("types cells by the input_schema and leaves empty cells out", () => {
    expect(
      rowInputs({ prompt: " 42 ", count: "3", upscale: "yes", tags: '["a"]', style: "" }, schema),
    ).toEqual({ prompt: " 42 ", count: 3, upscale: true, tags: ["a"] });
  });

  it("sends what cannot be typed as written, for the server to explain", () => {
    expect(rowInputs({ count: "three", upscale: "maybe" }, schema)).toEqual({
      count: "three",
      upscale: "maybe",
    });
  });
});
