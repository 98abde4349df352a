import "server-only";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../shared/errors";
import { open, seal } from "./secret-box";

export type StoredKeyInfo = { last4: string; updatedAt: Date };

export async function saveUserKey(userId: string, apiKey: string): Promise<StoredKeyInfo> {
  const ciphertext = seal(apiKey, env().auth.secret);
  const last4 = apiKey.slice(-4);
  const row = await db().userApiKey.upsert({
    where: { userId },
    create: { userId, ciphertext, last4 },
    update: { ciphertext, last4 },
    select: { last4: true, updatedAt: true },
  });
  return row;
}

export async function userKeyInfo(userId: string): Promise<StoredKeyInfo | null> {
  return db().userApiKey.findUnique({
    where: { userId },
    select: { last4: true, updatedAt: true },
  });
}

export async function deleteUserKey(userId: string): Promise<void> {
  await db().userApiKey.deleteMany({ where: { userId } });
}

/** The person's own key in clear, for an upstream call; null when they have none. */
export async function readUserKey(userId: string): Promise<string | null> {
  const row = await db().userApiKey.findUnique({ where: { userId }, select: { ciphertext: true } });
  if (!row) return null;
  try {
    return open(row.ciphertext, env().auth.secret);
  } catch {
    throw new AppError(
      "conflict:api_key",
      "Your saved API key can no longer be read (the server secret changed). Save it again in Settings.",
    );
  }
}
