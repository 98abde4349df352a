// npm run db:migration <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql with
// the SQL that takes the database from the last migration's schema to prisma/schema.prisma.
// Each migration folder keeps a snapshot of the schema it produced, so the next diff needs
// neither git history nor a shadow database (which Prisma cannot create through PGlite).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const migrationsDir = path.join(root, "prisma", "migrations");
const schemaPath = path.join(root, "prisma", "schema.prisma");
const SNAPSHOT = "schema.snapshot.prisma";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  fail(
    "Usage: npm run db:migration <name>   (lowercase letters, digits and underscores, e.g. add_runs)",
  );
}

const previous = fs
  .readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
  .at(-1);
const from = previous
  ? ["--from-schema-datamodel", path.join(migrationsDir, previous, SNAPSHOT)]
  : ["--from-empty"];

console.log(
  `Diffing ${previous ? `${previous}/${SNAPSHOT}` : "an empty database"} → prisma/schema.prisma …`,
);
const sql = execFileSync(
  path.join(root, "node_modules", ".bin", "prisma"),
  ["migrate", "diff", ...from, "--to-schema-datamodel", schemaPath, "--script"],
  { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);
if (!/^\s*(CREATE|ALTER|DROP)/m.test(sql))
  fail("No schema changes since the last migration; nothing written.");

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = path.join(migrationsDir, `${stamp}_${name}`);
fs.mkdirSync(folder);
fs.writeFileSync(path.join(folder, "migration.sql"), sql);
fs.copyFileSync(schemaPath, path.join(folder, SNAPSHOT));
console.log(
  `Wrote ${path.relative(root, folder)}/migration.sql — review it, then commit it with the schema.`,
);
