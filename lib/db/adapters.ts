// Driver adapters for the two databases we support, shared by the app, the migration
// runner and the Prisma CLI. Not server-only: the CLI and scripts import it outside Next.
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { DatabaseTarget } from "../config/env-schema";
import { createPostgresPool } from "./postgres-pool";

export type DatabaseConnection = {
  adapter: SqlMigrationAwareDriverAdapterFactory;
  close: () => Promise<void>;
};

/** Opens an embedded database folder, creating it if needed (PGlite requires it to exist). */
export function createPglite(dir?: string): PGlite {
  if (dir) fs.mkdirSync(dir, { recursive: true });
  return new PGlite(dir);
}

export function pgliteAdapter(client: PGlite): SqlMigrationAwareDriverAdapterFactory {
  // pglite-prisma-adapter 0.6 is typed against an older @prisma/driver-adapter-utils;
  // package.json overrides it to ours, and at run time the shapes match.
  return new PrismaPGlite(client) as unknown as SqlMigrationAwareDriverAdapterFactory;
}

export function createAdapter(target: DatabaseTarget): DatabaseConnection {
  if (target.kind === "pglite") {
    const client = createPglite(target.dir);
    return { adapter: pgliteAdapter(client), close: () => client.close() };
  }
  const pool = createPostgresPool(target.url);
  return { adapter: new PrismaPg(pool), close: () => pool.end() };
}
