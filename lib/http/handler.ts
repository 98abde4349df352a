import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { requireApiUser } from "../auth/session";
import type { PublicUser } from "../auth/users";
import { AppError } from "../shared/errors";

type RouteContext<P> = { params: Promise<P> };

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    const headers = error.extra.retryAfter
      ? { "Retry-After": String(error.extra.retryAfter) }
      : undefined;
    return NextResponse.json(error.toBody(), { status: error.status, headers });
  }
  if (error instanceof z.ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of error.issues) fields[issue.path.join(".") || "_"] ??= issue.message;
    const first = error.issues[0]?.message ?? "Some fields need attention.";
    return errorResponse(new AppError("unprocessable:input", first, { fields }));
  }
  console.error("Unhandled error in route handler:", error);
  return errorResponse(
    new AppError("internal:server", "Something went wrong on our side. Please try again."),
  );
}

/** Every route handler is a public endpoint: this maps thrown errors to our one body shape. */
export function handler<P = Record<string, never>>(
  fn: (request: Request, context: RouteContext<P>) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<P>) => {
    try {
      return await fn(request, context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Like handler(), and refuses the signed-out with 401 before `fn` runs. */
export function userHandler<P = Record<string, never>>(
  fn: (request: Request, context: RouteContext<P>, user: PublicUser) => Promise<Response>,
) {
  return handler<P>(async (request, context) => fn(request, context, await requireApiUser()));
}

export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError("bad_request:json", "The request body is not valid JSON.");
  }
}

/** Like readJson, but an empty body reads as `{}`. */
export async function readOptionalJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("bad_request:json", "The request body is not valid JSON.");
  }
}
