// Configures the Prisma CLI (generate, migrate diff/deploy/status) to use the JavaScript
// schema engine through the same driver adapter the app uses: Prisma's native engines
// cannot be downloaded on our machines (see "Database" in README.md).
import { defineConfig } from "prisma/config";
import { createMigrationAdapter } from "./lib/db/cli-adapter";

const configuredUrl = process.env.DATABASE_URL;
// The schema's datasource needs a postgres-looking URL even for the embedded database
// (anything else makes the CLI fall back to downloading engines); the adapter decides
// where the data really goes.
process.env.DATABASE_URL ??= "postgresql://embedded@localhost/pglite";

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: () => createMigrationAdapter(configuredUrl),
});
