import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

// Echo only ids that are safe to put back into a header and a log line.
const SAFE_ID = /^[\w.:@/+=-]{1,200}$/;

/** Sets `X-Request-Id` on the response (the client's when sane, else a new one) and returns it. */
export function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers["x-request-id"];
  const candidate = Array.isArray(given) ? given[0] : given;
  const id = candidate !== undefined && SAFE_ID.test(candidate) ? candidate : `req_${randomUUID()}`;
  res.setHeader("X-Request-Id", id);
  return id;
}
