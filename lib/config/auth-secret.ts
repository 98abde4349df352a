// The session-signing secret when NEXTAUTH_SECRET is unset: generated once into the data
// folder so sessions survive restarts (next-auth answers 500 without any secret).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const FILE = "auth-secret";

export function readStoredAuthSecret(dataDir: string): string | undefined {
  try {
    const value = fs.readFileSync(path.join(dataDir, FILE), "utf8").trim();
    return value.length >= 32 ? value : undefined;
  } catch {
    return undefined;
  }
}

export function ensureAuthSecret(dataDir: string): string {
  const existing = readStoredAuthSecret(dataDir);
  if (existing) return existing;
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  fs.writeFileSync(path.join(dataDir, FILE), `${secret}\n`, { mode: 0o600 });
  return secret;
}
