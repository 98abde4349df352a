import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

/** How far a webhook's timestamp may be from our clock (the official docs suggest 5 min). */
export const WEBHOOK_TOLERANCE_S = 300;

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export type WebhookCheck = { ok: true } | { ok: false; reason: string };

/**
 * Checks a webhook came from upstream: `X-Webhook-Signature: sha256=<hex HMAC-SHA256(secret,
 * "<timestamp>.<raw body>")>` with a fresh `X-Webhook-Timestamp`; or, for senders that only
 * know the legacy scheme, `X-Webhook-Secret` equal to the secret. Constant-time compares.
 */
export function verifyWebhook(
  rawBody: string,
  headers: Headers,
  secret: string,
  nowMs = Date.now(),
): WebhookCheck {
  const signature = headers.get("x-webhook-signature");
  if (signature) {
    const timestamp = headers.get("x-webhook-timestamp") ?? "";
    if (!/^\d+$/.test(timestamp)) return { ok: false, reason: "missing or malformed timestamp" };
    if (Math.abs(nowMs / 1000 - Number(timestamp)) > WEBHOOK_TOLERANCE_S)
      return { ok: false, reason: "timestamp outside the tolerance" };
    const expected = `sha256=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex")}`;
    return safeEqual(signature.trim().toLowerCase(), expected)
      ? { ok: true }
      : { ok: false, reason: "signature mismatch" };
  }
  const legacy = headers.get("x-webhook-secret");
  if (legacy)
    return safeEqual(legacy, secret) ? { ok: true } : { ok: false, reason: "secret mismatch" };
  return { ok: false, reason: "unsigned" };
}
