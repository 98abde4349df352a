// The migrations in prisma/migrations must build exactly the schema in prisma/schema.prisma:
// applied to a fresh database, they give the same tables, columns, indexes and constraints
// as the SQL Prisma derives from the schema itself. On PGlite always; on real PostgreSQL
// when TEST_DATABASE_URL is set (CI sets it), each run in databases of its own.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratePglite, migratePostgres, readMigrations } from "@/lib/db/migrations";
import { createPostgresPool } from "@/lib/db/postgres-pool";
import { describeSchema } from "../support/schema-snapshot";

const root = path.resolve(import.meta.dirname, "../..");
const migrationsDir = path.join(root, "prisma", "migrations");
let schemaSql = "";

beforeAll(() => {
  // What Prisma says the schema is, as SQL from an empty database.
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  schemaSql = execFileSync(
    path.join(root, "node_modules", ".bin", "prisma"),
    [
      "migrate",
      "diff",
      "--from-empty",
      "--to-schema-datamodel",
      "prisma/schema.prisma",
      "--script",
    ],
    { cwd: root, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
}, 120_000);

describe("migrations on the embedded database (PGlite)", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-test-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("apply to a fresh database and produce exactly the schema", async () => {
    const applied = await migratePglite(dir, migrationsDir);
    expect(applied).toEqual(readMigrations(migrationsDir).map((m) => m.name));

    const migrated = new PGlite(dir);
    const expected = new PGlite();
    try {
      await expected.exec(schemaSql);
      const rows = (db: PGlite) => async (sql: string) =>
        (await db.query<Record<string, unknown>>(sql)).rows;
      const actual = await describeSchema(rows(migrated));
      expect(actual.columns.length).toBeGreaterThan(0);
      expect(actual).toEqual(await describeSchema(rows(expected)));

      const history = await migrated.query(
        `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY 1`,
      );
      expect(history.rows).toEqual(
        readMigrations(migrationsDir).map((m) => ({
          migration_name: m.name,
          checksum: m.checksum,
        })),
      );
    } finally {
      await migrated.close();
      await expected.close();
    }
  });

  it("apply nothing the second time", async () => {
    expect(await migratePglite(dir, migrationsDir)).toEqual([]);
  });
});

const serverUrl = process.env.TEST_DATABASE_URL;

describe.runIf(serverUrl)("migrations on real PostgreSQL (TEST_DATABASE_URL)", () => {
  const suffix = randomBytes(6).toString("hex");
  const names = {
    migrated: `playground_test_${suffix}_m`,
    expected: `playground_test_${suffix}_e`,
  };
  const urlFor = (database: string) => {
    const url = new URL(serverUrl!);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const admin = new pg.Client({ connectionString: serverUrl });

  beforeAll(async () => {
    await admin.connect();
    for (const name of Object.values(names)) await admin.query(`CREATE DATABASE "${name}"`);
  });
  afterAll(async () => {
    for (const name of Object.values(names))
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it("prisma migrate deploy (through the adapter and its workaround) produces exactly the schema", async () => {
    await migratePostgres(urlFor(names.migrated), root);

    const migrated = new pg.Client({ connectionString: urlFor(names.migrated) });
    const expected = new pg.Client({ connectionString: urlFor(names.expected) });
    await migrated.connect();
    await expected.connect();
    try {
      await expected.query(schemaSql);
      const rows = (client: pg.Client) => async (sql: string) =>
        (await client.query(sql)).rows as Record<string, unknown>[];
      const actual = await describeSchema(rows(migrated));
      expect(actual.columns.length).toBeGreaterThan(0);
      expect(actual).toEqual(await describeSchema(rows(expected)));
      const history = await migrated.query(
        `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
      );
      expect(history.rowCount).toBe(readMigrations(migrationsDir).length);
    } finally {
      await migrated.end();
      await expected.end();
    }
  });

  it("the app's connections use UTC even when the server's time zone is another", async () => {
    await admin.query(`ALTER DATABASE "${names.expected}" SET timezone TO 'Asia/Tokyo'`);
    const plain = new pg.Client({ connectionString: urlFor(names.expected) });
    const pool = createPostgresPool(urlFor(names.expected));
    await plain.connect();
    try {
      expect((await plain.query("SHOW timezone")).rows[0].TimeZone).toBe("Asia/Tokyo");
      expect((await pool.query("SHOW timezone")).rows[0].TimeZone).toBe("UTC");
    } finally {
      await plain.end();
      await pool.end();
    }
  });
});
