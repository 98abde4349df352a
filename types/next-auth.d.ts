import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    /** Id of the Session row this browser's JWT stands for. */
    sid?: string;
    user: { id: string; email?: string | null; name?: string | null; image?: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}
