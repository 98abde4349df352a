import { describe, expect, it } from "vitest";
import { UpstreamError } from "@/lib/eachlabs/upstream-error";
import { chatAppError } from "@/lib/sense/upstream-sense";

describe("what a person reads when each::sense refuses a message", () => {
  const cases: {
    name: string;
    error: UpstreamError;
    code: string;
    status: number;
    message?: RegExp;
    retryAfter?: number;
    fields?: Record<string, string>;
  }[] = [
    {
      name: "a refused key points to Settings",
      error: new UpstreamError(401, { error: "Invalid or missing API key" }, undefined, ""),
      code: "unauthorized:api_key",
      status: 401,
      message: /Settings/,
    },
    {
      name: "a low balance says so, with upstream's figure",
      error: new UpstreamError(
        402,
        { error: "payment required", details: "needs $1.20" },
        undefined,
        "",
      ),
      code: "payment_required:chat",
      status: 402,
      message: /needs \$1\.20/,
    },
    {
      name: "a busy session asks to wait or stop",
      error: new UpstreamError(409, { error: "busy", error_code: "SESSION_BUSY" }, undefined, ""),
      code: "conflict:chat",
      status: 409,
      message: /stop it/,
    },
    {
      name: "FastAPI validation details become fields",
      error: new UpstreamError(
        422,
        {
          detail: [
            { loc: ["body", "messages"], msg: "field required", type: "value_error.missing" },
          ],
        },
        undefined,
        "",
      ),
      code: "unprocessable:chat",
      status: 422,
      fields: { messages: "field required" },
    },
    {
      name: "a FastAPI detail string is shown as is",
      error: new UpstreamError(422, { detail: "Prompt too long" }, undefined, ""),
      code: "unprocessable:chat",
      status: 422,
      message: /Prompt too long/,
    },
    {
      name: "a rate limit carries Retry-After",
      error: new UpstreamError(429, { error: "Rate limit exceeded." }, 7, ""),
      code: "rate_limited:chat",
      status: 429,
      retryAfter: 7,
    },
    {
      name: "a 5xx is an upstream problem",
      error: new UpstreamError(503, "Service Unavailable", undefined, ""),
      code: "upstream:chat",
      status: 502,
    },
    {
      name: "no answer at all is an upstream problem",
      error: new UpstreamError(0, null, undefined, "upstream timed out"),
      code: "upstream:chat",
      status: 502,
      message: /did not answer/,
    },
  ];

  it.each(cases)("$name", ({ error, code, status, message, retryAfter, fields }) => {
    const mapped = chatAppError(error);
    expect(mapped.code).toBe(code);
    expect(mapped.status).toBe(status);
    if (message) expect(mapped.message).toMatch(message);
    if (retryAfter) expect(mapped.extra.retryAfter).toBe(retryAfter);
    if (fields) expect(mapped.extra.fields).toEqual(fields);
  });
});
