import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GitHubProvider from "next-auth/providers/github";
import { db } from "../db";
import { env } from "../env";
import { signInSchema } from "../shared/auth-schemas";
import { checkPassword, userForOAuth } from "./users";

const SESSION_DAYS = 30;

function buildOptions(): NextAuthOptions {
  const { auth } = env();
  return {
    secret: auth.secret,
    // Credentials sign-in only works with JWT sessions in next-auth 4. Each JWT names a
    // Session row (sid) so that signing out revokes it server-side too.
    session: { strategy: "jwt", maxAge: SESSION_DAYS * 24 * 60 * 60 },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials) {
          const parsed = signInSchema.safeParse(credentials ?? {});
          if (!parsed.success) throw new Error("CredentialsSignin");
          // Throwing sends the message back to signIn() as `error`: the form maps it.
          const user = await checkPassword(parsed.data.email, parsed.data.password);
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
      ...(auth.github
        ? [GitHubProvider({ clientId: auth.github.id, clientSecret: auth.github.secret })]
        : []),
    ],
    callbacks: {
      async jwt({ token, user, account, profile }) {
        if (!user || !account) return token; // an existing session being read
        let userId = user.id;
        if (account.provider !== "credentials") {
          const linked = await userForOAuth({
            provider: account.provider,
            providerAccountId: account.providerAccountId,
            email: user.email ?? (profile as { email?: string } | undefined)?.email,
            name: user.name,
          });
          userId = linked.id;
        }
        const session = await db().session.create({
          data: { userId, expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000) },
          select: { id: true },
        });
        return { ...token, sub: userId, sid: session.id };
      },
      async session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub ?? "" }, sid: token.sid };
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await db().session.deleteMany({ where: { id: token.sid } });
      },
    },
  };
}

let cached: NextAuthOptions | undefined;
export function authOptions(): NextAuthOptions {
  cached ??= buildOptions();
  return cached;
}
