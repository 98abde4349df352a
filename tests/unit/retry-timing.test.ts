import { describe, expect, it } from "vitest";
import { backoffMs, isRetryableStatus, retryAfterSeconds } from "@/lib/eachlabs/retry-timing";

const now = Date.UTC(2026, 10, 25, 12, 0, 0);

describe("retry timing", () => {
  it.each([
    [{ "Retry-After": "7" }, 7],
    [{ "Retry-After": new Date(now + 12_000).toUTCString() }, 12],
    [{ "X-RateLimit-Reset": String(now / 1000 + 30) }, 30],
    [{ "X-RateLimit-Reset": "45" }, 45],
    [{ "Retry-After": "3", "X-RateLimit-Reset": "45" }, 3],
    [{}, undefined],
  ])("reads %o as %s seconds", (headers, expected) => {
    expect(retryAfterSeconds(new Headers(headers), now)).toBe(expected);
  });

  it("waits 2^attempt seconds unless upstream asks for longer", () => {
    expect([0, 1, 2, 3].map((attempt) => backoffMs(attempt, undefined))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
    expect(backoffMs(0, 5)).toBe(5000);
    expect(backoffMs(3, 1)).toBe(8000);
  });

  it("retries rate limits, server errors and lost connections only", () => {
    expect([0, 429, 500, 502, 503].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 402, 404, 422].some(isRetryableStatus)).toBe(false);
  });
});
