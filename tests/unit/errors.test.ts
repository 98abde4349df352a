import { describe, expect, it } from "vitest";
import { AppError, isErrorBody } from "@/lib/shared/errors";

describe("AppError", () => {
  it.each([
    ["unauthorized:session", 401],
    ["payment_required:prediction", 402],
    ["conflict:signup", 409],
    ["unprocessable:input", 422],
    ["rate_limited:prediction", 429],
    ["upstream:prediction", 502],
  ] as const)("%s answers %i", (code, status) => {
    expect(new AppError(code, "x").status).toBe(status);
  });

  it("serialises to the body the browser reads", () => {
    const body = new AppError("conflict:signup", "Exists", {
      fields: { email: "Exists" },
    }).toBody();
    expect(body).toEqual({
      error: { code: "conflict:signup", message: "Exists", fields: { email: "Exists" } },
    });
    expect(isErrorBody(body)).toBe(true);
    expect(isErrorBody({ error: "plain upstream string" })).toBe(false);
  });
});
