interface Route<Entry> {
  method: string;
  segments: string[];
  entry: Entry;
}

export type RouteMatch<Entry> =
  | { kind: "found"; entry: Entry; params: Record<string, string> }
  | { kind: "wrong-method"; allowed: string[] }
  | { kind: "none" };

/**
 * A minimal path router: `:name` segments capture one path segment. What a route
 * holds (`Entry`) is up to the product: usually a handler plus its auth policy.
 */
export class Router<Entry> {
  private readonly routes: Route<Entry>[] = [];

  add(method: string, pattern: string, entry: Entry): this {
    this.routes.push({ method, segments: splitPath(pattern), entry });
    return this;
  }

  match(method: string, pathname: string): RouteMatch<Entry> {
    const segments = splitPath(pathname);
    const allowed: string[] = [];
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments);
      if (params === null) continue;
      // HEAD is answered by GET handlers, as every HTTP server does.
      if (route.method === method || (method === "HEAD" && route.method === "GET")) {
        return { kind: "found", entry: route.entry, params };
      }
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { kind: "wrong-method", allowed } : { kind: "none" };
  }
}

function splitPath(path: string): string[] {
  return path.split("/").filter((segment) => segment.length > 0);
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | null {
  if (pattern.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let index = 0; index < pattern.length; index += 1) {
    const expected = pattern[index] ?? "";
    const value = actual[index] ?? "";
    if (expected.startsWith(":")) {
      try {
        params[expected.slice(1)] = decodeURIComponent(value);
      } catch {
        return null;
      }
    } else if (expected !== value) {
      return null;
    }
  }
  return params;
}
