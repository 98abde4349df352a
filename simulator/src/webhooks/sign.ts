import { createHmac } from "node:crypto";

/**
 * `sha256=<lowercase hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`, as the
 * official "verifying signatures" page specifies. Computed once per delivery and
 * reused on every retry.
 */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}
