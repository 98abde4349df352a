// A zip of 200 assets (mixed kinds, about 1 GB in all) downloaded from GET
// /api/downloads/zip: time to the first byte, the whole download, and the app server's peak
// RSS growth while it streams (goal: first byte under 1 s, growth under 100 MB). The files
// are real bytes in the app's local storage, seeded before the app starts.
//
//   npx tsx --conditions=react-server bench/zip.ts
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { PGlite } from "@electric-sql/pglite";
import { hash } from "@node-rs/argon2";
import { startAppInstance } from "../e2e/support/app-instance";
import { migratePglite } from "../lib/db/migrations";
import { localStore } from "../lib/storage/local-store";
import { pidListeningOn, rssOf, sampleRss } from "./lib/process-memory";
import { signInCookie } from "./lib/session";
import { printTable } from "./lib/stats";

const COUNT = 200;
const TOTAL_BYTES = 1024 ** 3;
const EMAIL = "zip-bench@example.test";
const PASSWORD = "bench-password-1";
const KINDS = [
  { kind: "image", contentType: "image/png" },
  { kind: "video", contentType: "video/mp4" },
  { kind: "audio", contentType: "audio/wav" },
] as const;
const root = path.resolve(import.meta.dirname, "..");

/** `size` random bytes as a stream of 1 MiB chunks (never the whole file in memory). */
function randomStream(size: number): Readable {
  let left = size;
  return new Readable({
    read() {
      if (left <= 0) return this.push(null);
      const chunk = randomBytes(Math.min(left, 1024 * 1024));
      left -= chunk.length;
      this.push(chunk);
    },
  });
}

async function seed(dataDir: string): Promise<string[]> {
  await migratePglite(path.join(dataDir, "pglite"), path.join(root, "prisma", "migrations"));
  const db = new PGlite(path.join(dataDir, "pglite"));
  const store = localStore(path.join(dataDir, "media"));
  const userId = `zip-user-${randomUUID().slice(0, 8)}`;
  await db.query(
    `INSERT INTO "User" (id, email, "passwordHash", "createdAt", "updatedAt") VALUES ($1, $2, $3, now(), now())`,
    [userId, EMAIL, await hash(PASSWORD)],
  );
  const ids: string[] = [];
  const average = TOTAL_BYTES / COUNT;
  for (let i = 0; i < COUNT; i++) {
    const { kind, contentType } = KINDS[i % KINDS.length]!;
    const size = Math.round(average * (0.5 + ((i * 37) % 100) / 100));
    const stored = await store.put(randomStream(size), { contentType, maxBytes: 1e9 });
    const id = `zip-asset-${i}`;
    await db.query(
      `INSERT INTO "Asset" (id, "userId", source, kind, "contentType", "storageKey", "byteSize", "modelSlug", prompt, inputs, "createdAt") VALUES ($1, $2, 'run', $3, $4, $5, $6, 'flux-2-pro', $7, $8, now() - ($9 || ' seconds')::interval)`,
      [
        id,
        userId,
        kind,
        contentType,
        stored.key,
        stored.byteSize,
        `bench asset ${i}`,
        JSON.stringify({ prompt: `bench asset ${i}` }),
        String(i),
      ],
    );
    ids.push(id);
  }
  await db.close();
  return ids;
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-zip-"));
  console.log("Seeding 200 assets (about 1 GB)…");
  const ids = await seed(dataDir);
  const app = await startAppInstance({
    name: "bench",
    dialect: "reference",
    simulatorArgs: "--quiet",
    dataDir,
  });
  try {
    const cookie = await signInCookie(app.baseURL, EMAIL, PASSWORD);
    const pid = pidListeningOn(Number(new URL(app.baseURL).port));
    // Warm the route up with a small zip so compilation and first-use costs are not counted.
    await (
      await fetch(`${app.baseURL}/api/downloads/zip?ids=${ids[0]}`, { headers: { Cookie: cookie } })
    ).arrayBuffer();
    global.gc?.();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const before = rssOf(pid);
    const sampler = sampleRss(pid);

    const started = performance.now();
    const response = await fetch(`${app.baseURL}/api/downloads/zip?ids=${ids.join(",")}`, {
      headers: { Cookie: cookie },
    });
    if (!response.ok || !response.body) throw new Error(`zip answered ${response.status}`);
    const reader = response.body.getReader();
    let firstByteMs = 0;
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (bytes === 0) firstByteMs = performance.now() - started;
      bytes += value.length;
    }
    const totalS = (performance.now() - started) / 1000;
    const peak = sampler.stop();

    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    printTable(`Zip of ${COUNT} assets`, [
      { measure: "archive size", value: mb(bytes) },
      { measure: "time to first byte (goal < 1 s)", value: `${firstByteMs.toFixed(0)} ms` },
      {
        measure: "whole download",
        value: `${totalS.toFixed(1)} s (${(bytes / 1024 / 1024 / totalS).toFixed(0)} MB/s)`,
      },
      { measure: "app RSS before", value: mb(before) },
      { measure: "app RSS peak while streaming", value: mb(peak) },
      { measure: "app RSS growth (goal < 100 MB)", value: mb(peak - before) },
    ]);
  } finally {
    await app.stop();
  }
}

void main();
