// npm run db:migrate: applies pending migrations to the configured database and exits
// (npm start does this too; this is the step on its own, for release pipelines).
import path from "node:path";
import { ConfigError, parseEnv } from "../lib/config/env-schema";
import { applyMigrations } from "../lib/db/migrations";

const root = path.resolve(import.meta.dirname, "..");

try {
  const { database } = parseEnv(process.env, root);
  await applyMigrations(database, root);
  console.log(
    `Migrations applied (${database.kind === "pglite" ? `embedded database in ${database.dir}` : "DATABASE_URL"}).`,
  );
} catch (error) {
  console.error(
    error instanceof ConfigError
      ? `Configuration error: ${error.message}`
      : error instanceof Error
        ? error.message
        : error,
  );
  process.exit(1);
}
