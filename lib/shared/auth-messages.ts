// What the sign-in form says for each failure next-auth reports back (its `error` string is
// the code our authorize() threw, or one of next-auth's own).
export const SIGN_IN_ERRORS: Record<string, { field?: "email" | "password"; message: string }> = {
  unknown_email: {
    field: "email",
    message: "No account uses this email. Check it, or create an account.",
  },
  wrong_password: { field: "password", message: "That password is not right. Try again." },
  oauth_only: {
    field: "password",
    message: "This account signs in with GitHub. Use the GitHub button instead.",
  },
  CredentialsSignin: { message: "Those details did not work. Check them and try again." },
  OAuthAccountNotLinked: {
    message: "That GitHub account could not be linked. Sign in with your password first.",
  },
};

export function signInErrorFor(code: string | null | undefined) {
  if (!code) return undefined;
  return SIGN_IN_ERRORS[code] ?? { message: "Signing in failed. Please try again in a moment." };
}
