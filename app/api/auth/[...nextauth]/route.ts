import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

// Built per request so the options (and the database) are never touched at build time.
function auth(request: Request, context: NextAuthContext) {
  return NextAuth(authOptions())(request, context);
}

export { auth as GET, auth as POST };
