// "Paste CSV" for a bulk run: the first line names the inputs, every other line is one run.
// RFC 4180 quoting (commas, quotes and line breaks inside "…"). each::workflows takes at most
// BULK_MAX rows per bulk trigger, so more is refused here with the count, before any call.
import { BULK_MAX } from "@/lib/shared/workflow-schemas";
import { isRecord, type WorkflowInputSchema } from "@/lib/shared/workflow-types";

export type CellRow = Record<string, string>;
export type CsvResult =
  { ok: true; columns: string[]; rows: CellRow[] } | { ok: false; message: string };

/** The cells of every non-blank line. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let i = 0;
  const endRow = () => {
    row.push(cell);
    if (!(row.length === 1 && row[0]?.trim() === "")) rows.push(row);
    row = [];
    cell = "";
  };
  while (i < text.length) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else cell += char;
      i += 1;
      continue;
    }
    if (char === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      endRow();
      if (char === "\r" && text[i + 1] === "\n") i += 1;
    } else cell += char;
    i += 1;
  }
  if (cell !== "" || row.length > 0) endRow();
  return rows;
}

/** CSV text → one row of cell texts per run, checked against the workflow's input names. */
export function csvToRows(text: string, inputNames: readonly string[]): CsvResult {
  const [header, ...body] = parseCsv(text);
  if (!header) return { ok: false, message: "Paste a header line naming the inputs, then rows." };
  const columns = header.map((name) => name.trim());
  if (columns.some((name) => name === ""))
    return { ok: false, message: "Every column in the header line needs a name." };
  const repeated = columns.find((name, index) => columns.indexOf(name) !== index);
  if (repeated) return { ok: false, message: `The column “${repeated}” appears twice.` };
  const unknown = columns.filter((name) => !inputNames.includes(name));
  if (unknown.length > 0)
    return {
      ok: false,
      message: `Unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((n) => `“${n}”`).join(", ")}. ${
        inputNames.length > 0
          ? `This workflow's inputs are: ${inputNames.join(", ")}.`
          : "This workflow declares no inputs."
      }`,
    };
  if (body.length === 0)
    return { ok: false, message: "Add at least one row under the header line." };
  if (body.length > BULK_MAX)
    return {
      ok: false,
      message: `At most ${BULK_MAX} rows run at once; this CSV has ${body.length}. Split it into several bulk runs.`,
    };
  const long = body.findIndex((cells) => cells.length > columns.length);
  if (long >= 0)
    return {
      ok: false,
      message: `Row ${long + 1} has ${body[long]!.length} values, but the header names ${columns.length} columns. Quote values that contain commas.`,
    };
  const rows = body.map((cells) =>
    Object.fromEntries(columns.map((name, index) => [name, cells[index] ?? ""])),
  );
  return { ok: true, columns, rows };
}

function typed(text: string, property: unknown): unknown {
  const type = isRecord(property) ? property.type : undefined;
  const trimmed = text.trim();
  if ((type === "number" || type === "integer") && trimmed !== "" && Number.isFinite(+trimmed))
    return Number(trimmed);
  if (type === "boolean") {
    if (/^(true|yes|1)$/i.test(trimmed)) return true;
    if (/^(false|no|0)$/i.test(trimmed)) return false;
  }
  if ((type === "array" || type === "object") && /^[[{]/.test(trimmed)) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      // Sent as typed: the server says what is wrong at the field.
    }
  }
  return text;
}

/** One row's cells as the inputs to send: typed by the input_schema, empty cells left out. */
export function rowInputs(
  cells: CellRow,
  schema: WorkflowInputSchema | undefined,
): Record<string, unknown> {
  const properties = isRecord(schema?.properties) ? schema.properties : {};
  const inputs: Record<string, unknown> = {};
  for (const [name, text] of Object.entries(cells))
    if (text.trim() !== "") inputs[name] = typed(text, properties[name]);
  return inputs;
}
