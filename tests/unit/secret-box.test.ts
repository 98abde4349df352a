import { describe, expect, it } from "vitest";
import { open, seal } from "@/lib/keys/secret-box";

const secret = "a-server-secret-that-is-long-enough-0123456789";

describe("secret box (AES-256-GCM)", () => {
  it("opens what it sealed, and never stores the key in clear", () => {
    const sealed = seal("ek_live_abcdef123456", secret);
    expect(sealed).not.toContain("ek_live");
    expect(open(sealed, secret)).toBe("ek_live_abcdef123456");
  });

  it("seals the same key differently each time (random IV)", () => {
    expect(seal("k", secret)).not.toBe(seal("k", secret));
  });

  it("refuses another server secret and any tampering", () => {
    const sealed = seal("ek_live_abcdef123456", secret);
    expect(() => open(sealed, `${secret}x`)).toThrow();
    const parts = sealed.split(".");
    const flipped = Buffer.from(parts[3]!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() =>
      open([parts[0], parts[1], parts[2], flipped.toString("base64url")].join("."), secret),
    ).toThrow();
  });
});
