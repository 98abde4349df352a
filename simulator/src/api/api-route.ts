import type { IncomingMessage, ServerResponse } from "node:http";
import type { SimulatorContext } from "../context.js";
import type { Dialect } from "../options.js";

/**
 * - required: a valid key in both dialects
 * - public: no key (GET /v1/models)
 * - public-in-official: the official platform made model lookups public; the reference requires a key
 */
export type AuthPolicy = "required" | "public" | "public-in-official";

export interface ApiCall {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  /** The caller's valid key; null only on public routes called without one. */
  key: string | null;
  dialect: Dialect;
  ctx: SimulatorContext;
}

export interface ApiRoute {
  auth: AuthPolicy;
  handle(call: ApiCall): Promise<void> | void;
}

/** For handlers of `required` routes, where the pipeline guarantees a key. */
export function requireKey(call: ApiCall): string {
  if (call.key === null) throw new Error(`route ${call.url.pathname} reached without a key`);
  return call.key;
}
