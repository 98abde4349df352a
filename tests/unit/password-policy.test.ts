import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/lib/shared/password-policy";

describe("passwordProblem", () => {
  it.each([
    ["short1", "Use at least 8 characters."],
    ["onlyletters", "Mix letters with at least one number or symbol."],
    ["1234567890", "Mix letters with at least one number or symbol."],
    ["Password1", "This password is among the most common ones; choose another."],
    ["a".repeat(199) + "1!", "Use at most 200 characters."],
  ])("refuses %s", (password, message) => {
    expect(passwordProblem(password)).toBe(message);
  });

  it("refuses a password that contains the email's name", () => {
    expect(passwordProblem("marianne-2024", "marianne@example.com")).toBe(
      "Don't use your email address in your password.",
    );
  });

  it.each(["correct-horse-7", "tr0ub4dor&3", "a long passphrase with spaces 9"])(
    "accepts %s",
    (password) => {
      expect(passwordProblem(password, "someone@example.com")).toBeNull();
    },
  );
});
