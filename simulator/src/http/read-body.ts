import type { IncomingMessage } from "node:http";

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body exceeds ${limit} bytes`);
  }
}

// JSON bodies are small; a generous cap keeps a runaway client from filling memory.
const JSON_BODY_LIMIT = 2 * 1024 * 1024;

export async function readBody(req: IncomingMessage, limit = JSON_BODY_LIMIT): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new BodyTooLargeError(limit);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export type JsonBodyResult =
  { ok: true; value: unknown } | { ok: false; reason: "invalid" | "too-large" };

/** An empty body reads as `{}` so "field is required" errors name the field instead of the body. */
export async function readJsonBody(req: IncomingMessage): Promise<JsonBodyResult> {
  let raw: Buffer;
  try {
    raw = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { ok: false, reason: "too-large" };
    throw error;
  }
  const text = raw.toString("utf8").trim();
  if (text === "") return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reason: "invalid" };
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
