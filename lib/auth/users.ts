import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { AppError } from "../shared/errors";
import { hashPassword, verifyPassword } from "./password";

export type PublicUser = { id: string; email: string; name: string | null };
const publicFields = { id: true, email: true, name: true } as const;

export async function createPasswordUser(input: {
  email: string;
  password: string;
  name?: string | undefined;
}): Promise<PublicUser> {
  const duplicate = () =>
    new AppError("conflict:signup", "An account with this email already exists. Sign in instead.", {
      fields: { email: "An account with this email already exists. Sign in instead." },
    });
  if (await db().user.findUnique({ where: { email: input.email }, select: { id: true } }))
    throw duplicate();
  try {
    return await db().user.create({
      data: {
        email: input.email,
        name: input.name || null,
        passwordHash: await hashPassword(input.password),
      },
      select: publicFields,
    });
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw duplicate();
    throw error;
  }
}

/** Throws the code the sign-in form turns into a message (see lib/shared/auth-messages.ts). */
export async function checkPassword(email: string, password: string): Promise<PublicUser> {
  const user = await db().user.findUnique({
    where: { email },
    select: { ...publicFields, passwordHash: true },
  });
  if (!user) throw new Error("unknown_email");
  if (!user.passwordHash) throw new Error("oauth_only");
  if (!(await verifyPassword(user.passwordHash, password))) throw new Error("wrong_password");
  return { id: user.id, email: user.email, name: user.name };
}

/** Finds or creates the user behind a GitHub identity, linking by verified email when known. */
export async function userForOAuth(input: {
  provider: string;
  providerAccountId: string;
  email: string | null | undefined;
  name: string | null | undefined;
}): Promise<PublicUser> {
  const linked = await db().account.findUnique({
    where: {
      provider_providerAccountId: {
        provider: input.provider,
        providerAccountId: input.providerAccountId,
      },
    },
    select: { user: { select: publicFields } },
  });
  if (linked) return linked.user;
  const email = (
    input.email ?? `${input.providerAccountId}@users.noreply.github.com`
  ).toLowerCase();
  const user = await db().user.upsert({
    where: { email },
    update: {},
    create: { email, name: input.name ?? null },
    select: publicFields,
  });
  await db().account.create({
    data: { userId: user.id, provider: input.provider, providerAccountId: input.providerAccountId },
  });
  return user;
}
