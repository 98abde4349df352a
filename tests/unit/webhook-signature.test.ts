import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyWebhook } from "@/lib/runs/webhook-signature";

const secret = "run-secret-123";
const body = JSON.stringify({
  id: "pred-1",
  status: "success",
  output: "https://cdn.example/x.png",
});
const now = 1_800_000_000_000;
const ts = String(now / 1000);
const sign = (timestamp: string, raw: string, key = secret) =>
  `sha256=${createHmac("sha256", key).update(`${timestamp}.${raw}`).digest("hex")}`;

describe("verifyWebhook", () => {
  it("accepts a body signed with the run's secret and a fresh timestamp", () => {
    const headers = new Headers({
      "X-Webhook-Signature": sign(ts, body),
      "X-Webhook-Timestamp": ts,
    });
    expect(verifyWebhook(body, headers, secret, now)).toEqual({ ok: true });
  });

  it.each([
    ["a different secret", sign(ts, body, "other"), ts, body, "signature mismatch"],
    ["a changed body", sign(ts, body), ts, body.replace("success", "failed"), "signature mismatch"],
    [
      "a timestamp six minutes old",
      sign(String(Number(ts) - 360), body),
      String(Number(ts) - 360),
      body,
      "timestamp outside the tolerance",
    ],
    ["a missing timestamp", sign(ts, body), "", body, "missing or malformed timestamp"],
    ["a truncated signature", sign(ts, body).slice(0, 20), ts, body, "signature mismatch"],
  ])("refuses %s", (_name, signature, timestamp, raw, reason) => {
    const headers = new Headers({
      "X-Webhook-Signature": signature,
      ...(timestamp ? { "X-Webhook-Timestamp": timestamp } : {}),
    });
    expect(verifyWebhook(raw, headers, secret, now)).toEqual({ ok: false, reason });
  });

  it("accepts four minutes of clock skew either way", () => {
    for (const skew of [-240, 240]) {
      const t = String(Number(ts) + skew);
      expect(
        verifyWebhook(
          body,
          new Headers({ "X-Webhook-Signature": sign(t, body), "X-Webhook-Timestamp": t }),
          secret,
          now,
        ).ok,
      ).toBe(true);
    }
  });

  it("accepts the legacy X-Webhook-Secret only when it equals the secret", () => {
    expect(verifyWebhook(body, new Headers({ "X-Webhook-Secret": secret }), secret, now).ok).toBe(
      true,
    );
    expect(verifyWebhook(body, new Headers({ "X-Webhook-Secret": "guess" }), secret, now)).toEqual({
      ok: false,
      reason: "secret mismatch",
    });
  });

  it("refuses an unsigned delivery", () => {
    expect(verifyWebhook(body, new Headers(), secret, now)).toEqual({
      ok: false,
      reason: "unsigned",
    });
  });
});
