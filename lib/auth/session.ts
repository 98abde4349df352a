import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "../db";
import { AppError } from "../shared/errors";
import { authOptions } from "./options";
import type { PublicUser } from "./users";

/**
 * The signed-in user, or null. A valid JWT is not enough: its Session row must still exist
 * (signing out deletes it) and not be expired. Cached per request.
 */
export const getCurrentUser = cache(async (): Promise<PublicUser | null> => {
  const session = await getServerSession(authOptions());
  if (!session?.sid || !session.user.id) return null;
  const row = await db().session.findFirst({
    where: { id: session.sid, userId: session.user.id, expiresAt: { gt: new Date() } },
    select: { user: { select: { id: true, email: true, name: true } } },
  });
  return row?.user ?? null;
});

/** For pages: sends a signed-out visitor to sign in, then back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<PublicUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For route handlers: refuses the signed-out with a 401 the client can show. */
export async function requireApiUser(): Promise<PublicUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized:session", "Sign in to do this.");
  return user;
}
