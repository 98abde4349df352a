import "server-only";
import { createAdapter } from "./db/adapters";
import { env } from "./env";
import { PrismaClient } from "./generated/prisma/client";

const globalForDb = globalThis as typeof globalThis & { __playgroundDb?: PrismaClient };

/**
 * The one Prisma client. Created on first use, never at import: `next build` imports route
 * modules, and only one process may open the embedded database folder at a time.
 */
export function db(): PrismaClient {
  globalForDb.__playgroundDb ??= new PrismaClient({
    adapter: createAdapter(env().database).adapter,
  });
  return globalForDb.__playgroundDb;
}
