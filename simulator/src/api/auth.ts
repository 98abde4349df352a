import type { IncomingMessage } from "node:http";

/** The key a request presents: `X-API-Key`, else `Authorization: Bearer <key>` (both dialects accept both). */
export function presentedKey(req: IncomingMessage): string | null {
  const header = req.headers["x-api-key"];
  const apiKey = Array.isArray(header) ? header[0] : header;
  if (apiKey !== undefined && apiKey.trim() !== "") return apiKey.trim();
  const authorization = req.headers.authorization;
  const bearer = authorization === undefined ? null : /^Bearer\s+(.+)$/i.exec(authorization.trim());
  return bearer?.[1] !== undefined ? bearer[1].trim() : null;
}

export function authenticate(req: IncomingMessage, keys: ReadonlySet<string>): string | null {
  const key = presentedKey(req);
  return key !== null && keys.has(key) ? key : null;
}
