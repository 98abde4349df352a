// Browser-safe zod schemas for the sign-in and sign-up forms, shared by react-hook-form
// on the client and the route handlers on the server.
import { z } from "zod";
import { passwordProblem } from "./password-policy";

export const emailField = z
  .string()
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .email("Enter a valid email address, like you@example.com.")
  .transform((value) => value.toLowerCase());

export const signInSchema = z.object({
  email: emailField,
  password: z.string().min(1, "Enter your password."),
});
export type SignInInput = z.input<typeof signInSchema>;

export const signUpSchema = z
  .object({
    name: z.string().trim().max(80, "Use at most 80 characters.").optional(),
    email: emailField,
    password: z.string(),
  })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value.password, value.email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });
export type SignUpInput = z.input<typeof signUpSchema>;

/** Only same-site paths may be returned to after sign-in (no open redirects). */
export function safeCallbackPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\"))
    return "/";
  return value;
}
