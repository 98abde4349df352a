import "server-only";
import type { EachlabsAccess } from "../eachlabs/client";
import { callUpstream, type UpstreamRequest } from "../eachlabs/upstream";
import { UpstreamError } from "../eachlabs/upstream-error";
import { baseUrl, type Endpoint, type PathFamily } from "./paths";

type Options = Pick<UpstreamRequest, "timeoutMs" | "retries" | "signal" | "maxWaitMs"> & {
  /** Send no key (public routes), or this one instead of the access's. */
  anonymous?: boolean;
  apiKey?: string | undefined;
};

// Which family answered each operation on each base, per process (only a cache: a wrong guess
// costs one extra request). A family that once answered an operation is trusted for it, so
// its 404s (an unknown workflow) are final rather than a reason to try the other family.
const proven = new Map<string, PathFamily>();

function cacheKey(access: EachlabsAccess, op: string): string {
  return `${access.urls.workflows} ${access.urls.api} ${op}`;
}

/** The route is not there (as opposed to: the route answered that something is not). */
function missingRoute(error: unknown, method: Endpoint["method"]): boolean {
  if (!(error instanceof UpstreamError)) return false;
  if (error.status === 404 || error.status === 405) return true;
  // A host that does not answer at all: safe to try elsewhere only for requests that change
  // nothing twice (a trigger that timed out may have been accepted).
  return error.status === 0 && method !== "POST";
}

/** Answers that prove the route exists: success, or a refusal other than 404/405/429/5xx. */
function provesRoute(error: unknown): boolean {
  if (!(error instanceof UpstreamError)) return false;
  return error.status >= 400 && error.status < 500 && ![404, 405, 429].includes(error.status);
}

/** A 404/405 that says the path does not exist, rather than that an item does not. */
function looksLikeMissingRoute(error: unknown): boolean {
  if (!(error instanceof UpstreamError)) return false;
  if (error.status === 405 || error.status === 0) return true;
  const said = (error.upstreamMessage ?? "").trim().toLowerCase();
  return said === "" || said === "not found" || said.startsWith("no route");
}

/**
 * Calls an each::workflows endpoint in whichever path family the platform serves: the proven
 * one, else the reference's first and the official one when the first is not there.
 */
export async function callWorkflows(
  access: EachlabsAccess,
  endpoint: Endpoint,
  body?: unknown,
  options: Options = {},
): Promise<unknown> {
  const key = cacheKey(access, endpoint.op);
  const known = proven.get(key);
  const order: PathFamily[] = known ? [known] : ["reference", "official"];
  const { anonymous, apiKey, ...rest } = options;
  const errors: unknown[] = [];
  for (const family of order) {
    try {
      const answer = await callUpstream({
        method: endpoint.method,
        url: `${baseUrl(access, family)}${endpoint[family]}`,
        apiKey: anonymous ? apiKey : (apiKey ?? access.apiKey),
        body,
        ...rest,
      });
      proven.set(key, family);
      return answer;
    } catch (error) {
      if (provesRoute(error)) proven.set(key, family);
      if (!missingRoute(error, endpoint.method) || provesRoute(error)) throw error;
      errors.push(error);
    }
  }
  // Both said "not found": the one that names what is missing is the one to show.
  throw errors.find((error) => !looksLikeMissingRoute(error)) ?? errors[0];
}
