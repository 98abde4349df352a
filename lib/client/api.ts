// The browser's way to call our own route handlers: JSON in, JSON out, and every failure
// turned into an ApiError carrying the server's code, message and field errors.
import { isErrorBody, type ErrorBody, type ErrorCode } from "../shared/errors";

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: ErrorCode | "network:offline",
    message: string,
    readonly details: Omit<ErrorBody["error"], "code" | "message"> = {},
  ) {
    super(message);
  }
  get kind(): string {
    return this.code.split(":")[0] ?? "internal";
  }
}

export async function apiFetch<T>(
  url: string,
  init: RequestInit & { json?: unknown } = {},
): Promise<T> {
  const { json, ...rest } = init;
  let response: Response;
  try {
    response = await fetch(url, {
      ...rest,
      headers: {
        Accept: "application/json",
        ...(json === undefined ? {} : { "Content-Type": "application/json" }),
        ...rest.headers,
      },
      body: json === undefined ? rest.body : JSON.stringify(json),
    });
  } catch {
    throw new ApiError(
      0,
      "network:offline",
      "Could not reach the playground's server. Check your connection; your input is kept.",
    );
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    if (isErrorBody(body)) {
      const { code, message, ...details } = body.error;
      throw new ApiError(response.status, code, message, details);
    }
    throw new ApiError(
      response.status,
      "internal:unknown",
      `The server answered ${response.status}. Please try again.`,
    );
  }
  return body as T;
}
