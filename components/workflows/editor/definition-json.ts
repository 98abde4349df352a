// The JSON view's text → a definition, or a message saying where it is wrong (line and
// column for a syntax error, the field path for a shape error).
import { workflowDefinitionSchema, type WorkflowDefinition } from "@/lib/shared/workflow-types";

export type ParsedDefinition =
  { ok: true; definition: WorkflowDefinition } | { ok: false; message: string };

export function formatDefinition(definition: unknown): string {
  return JSON.stringify(definition, null, 2);
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  const column = position - before.lastIndexOf("\n");
  return `line ${line}, column ${column}`;
}

export function parseDefinitionJson(text: string): ParsedDefinition {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : "not JSON";
    const position = /position (\d+)/.exec(message)?.[1];
    const where = position === undefined ? "" : ` (${lineAndColumn(text, Number(position))})`;
    return {
      ok: false,
      message: `Not valid JSON${where}: ${message.replace(/^JSON\.parse: /, "")}`,
    };
  }
  const parsed = workflowDefinitionSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.length ? issue.path.join(".") : "the definition";
    return { ok: false, message: `${path}: ${issue?.message ?? "not a workflow definition"}` };
  }
  // The parsed value itself, not zod's copy: its keys stay in the order they were typed.
  return { ok: true, definition: value as WorkflowDefinition };
}
