// The adapter the Prisma CLI uses (prisma.config.ts). The CLI loads it even for commands
// that need no database (diffs between schema files). For the embedded database it gets a
// throwaway in-memory PGlite: opening the real data folder from the CLI hangs at exit and
// can damage the folder (README, "Database"); our own runner migrates that folder instead.
import { parseEnv } from "../config/env-schema";
import { createAdapter, createPglite, pgliteAdapter } from "./adapters";

export async function createMigrationAdapter(databaseUrl: string | undefined) {
  const { database } = parseEnv({ ...process.env, DATABASE_URL: databaseUrl });
  if (database.kind === "pglite") return pgliteAdapter(createPglite());
  return createAdapter(database).adapter;
}
