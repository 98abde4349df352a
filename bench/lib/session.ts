// Signs people up and in over plain HTTP (no browser), for benchmarks that call the app's
// own API: returns the Cookie header to send.
import { randomUUID } from "node:crypto";

function cookiesFrom(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

/** Signs an existing person in. */
export async function signInCookie(
  baseURL: string,
  email: string,
  password: string,
): Promise<string> {
  const csrf = await fetch(`${baseURL}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesFrom(csrf);
  const login = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = cookiesFrom(login).find((cookie) => cookie.includes("session-token"));
  if (!session) throw new Error(`sign-in failed: ${login.status}`);
  return [...jar, session].join("; ");
}

/** Signs up a fresh person, then signs them in. */
export async function signedInCookie(baseURL: string): Promise<string> {
  const email = `bench-${randomUUID().slice(0, 8)}@example.test`;
  const password = "bench-password-1";
  const signup = await fetch(`${baseURL}/api/users`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (!signup.ok) throw new Error(`sign-up failed: ${signup.status} ${await signup.text()}`);
  return signInCookie(baseURL, email, password);
}
