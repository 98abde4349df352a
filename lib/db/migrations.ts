// Applies prisma/migrations to a database before the app starts. Not server-only: the
// launcher and tests run it outside Next.
import { createHash, randomUUID } from "node:crypto";
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { DatabaseTarget } from "../config/env-schema";
import { createPglite } from "./adapters";

export type Migration = { name: string; sql: string; checksum: string };

export function readMigrations(migrationsDir: string): Migration[] {
  if (!fs.existsSync(migrationsDir)) return [];
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() && fs.existsSync(path.join(migrationsDir, entry.name, "migration.sql")),
    )
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

// The same table and columns Prisma Migrate keeps, so `prisma migrate status` agrees with us.
const HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/**
 * `prisma migrate deploy` through PGlite applies migrations and then never exits (and a
 * folder killed in that state later crashed on open), so the embedded database gets this
 * small runner instead: each pending migration in its own transaction, recorded as Prisma
 * would, and PGlite closed cleanly.
 */
export async function migratePglite(dir: string, migrationsDir: string): Promise<string[]> {
  const db = createPglite(dir);
  await db.waitReady;
  try {
    await db.exec(HISTORY_TABLE);
    const done = await db.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(done.rows.map((row) => row.migration_name));
    const pending = readMigrations(migrationsDir).filter((m) => !applied.has(m.name));
    for (const migration of pending) {
      await db.transaction(async (tx) => {
        await tx.exec(migration.sql);
        await tx.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
      });
    }
    return pending.map((m) => m.name);
  } finally {
    await db.close();
  }
}

/** Real PostgreSQL: Prisma's own deploy, which also takes an advisory lock for concurrent starts. */
export function migratePostgres(url: string, projectRoot: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(projectRoot, "node_modules", ".bin", "prisma"),
      ["migrate", "deploy"],
      {
        cwd: projectRoot,
        env: { ...process.env, DATABASE_URL: url },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`prisma migrate deploy failed:\n${output.trim()}`)),
    );
  });
}

export async function applyMigrations(target: DatabaseTarget, projectRoot: string): Promise<void> {
  const migrationsDir = path.join(projectRoot, "prisma", "migrations");
  if (target.kind === "pglite") await migratePglite(target.dir, migrationsDir);
  else await migratePostgres(target.url, projectRoot);
}
