// Browser-safe: the sign-up form shows these messages as you type, and the server enforces
// the same rule, so the two can never disagree.

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;

// The most used passwords that would pass the length rule; refusing them costs nothing.
const COMMON = new Set([
  "password",
  "password1",
  "password123",
  "12345678",
  "123456789",
  "1234567890",
  "qwerty123",
  "qwertyuiop",
  "iloveyou1",
  "11111111",
  "00000000",
  "abc12345",
  "letmein1",
  "welcome1",
  "admin123",
  "passw0rd",
  "football1",
  "baseball1",
  "sunshine1",
  "princess1",
]);

/** Returns why a password is too weak, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  }
  if (!/[a-zA-Z]/.test(password) || !/[^a-zA-Z]/.test(password)) {
    return "Mix letters with at least one number or symbol.";
  }
  if (COMMON.has(password.toLowerCase())) {
    return "This password is among the most common ones; choose another.";
  }
  const local = email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) {
    return "Don't use your email address in your password.";
  }
  return null;
}
