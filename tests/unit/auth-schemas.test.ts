import { describe, expect, it } from "vitest";
import { safeCallbackPath, signUpSchema } from "@/lib/shared/auth-schemas";

describe("safeCallbackPath", () => {
  it.each([
    ["/gallery", "/gallery"],
    ["/models/flux-2-max?tab=code", "/models/flux-2-max?tab=code"],
    [undefined, "/"],
    ["", "/"],
    ["https://evil.example/steal", "/"],
    ["//evil.example", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
  ])("%s → %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});

describe("signUpSchema", () => {
  it("normalises the email to lower case", () => {
    const parsed = signUpSchema.parse({ email: "  Ada@Example.COM ", password: "correct-horse-7" });
    expect(parsed.email).toBe("ada@example.com");
  });

  it("puts the password problem on the password field", () => {
    const result = signUpSchema.safeParse({ email: "ada@example.com", password: "short" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["password"]);
  });
});
