// The gallery with 10,000 assets for one person (seeded straight into a fresh embedded
// database before the app starts): the plan of the page query, first page and deep page
// (after 8,000 items) as the server answers GET /api/assets, and the weight of the first
// screen of /gallery in Chromium (everything the browser downloaded to show it).
//
//   npx tsx --conditions=react-server bench/gallery.ts
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { startAppInstance } from "../e2e/support/app-instance";
import { migratePglite } from "../lib/db/migrations";
import { encodeCursor } from "../lib/gallery/cursor";
import { assetListQuery } from "../lib/gallery/list-query";
import { galleryFiltersSchema } from "../lib/shared/gallery-filters";
import { launchChromium, signedInContext } from "./lib/browser";
import { seedGallery } from "./lib/seed-gallery";
import { signInCookie } from "./lib/session";
import { median, percentile, printTable } from "./lib/stats";

const COUNT = 10_000;
const DEEP = 8_000;
const EMAIL = "gallery-bench@example.test";
const PASSWORD = "bench-password-1";
const root = path.resolve(import.meta.dirname, "..");

async function timeGets(url: string, cookie: string, times = 20): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < times + 3; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { Cookie: cookie } });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    await response.arrayBuffer();
    if (i >= 3) durations.push(performance.now() - started);
  }
  return durations;
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-gallery-"));
  await migratePglite(path.join(dataDir, "pglite"), path.join(root, "prisma", "migrations"));
  const db = new PGlite(path.join(dataDir, "pglite"));
  const { userId } = await seedGallery({
    db,
    dataDir,
    email: EMAIL,
    password: PASSWORD,
    count: COUNT,
  });
  await db.exec("ANALYZE");
  const deepRow = await db.query<{ createdAt: Date; id: string }>(
    `SELECT "createdAt", id FROM "Asset" WHERE "userId" = $1 ORDER BY "createdAt" DESC, id DESC OFFSET $2 LIMIT 1`,
    [userId, DEEP - 1],
  );
  const deepAt = deepRow.rows[0];
  if (!deepAt) throw new Error("the seed did not make enough assets");
  const deepKey = { createdAt: new Date(deepAt.createdAt), id: deepAt.id };
  const cursor = encodeCursor(deepKey);

  const filters = galleryFiltersSchema.parse({});
  const plans: string[] = [];
  for (const [label, at] of [
    ["first page", null],
    [`after ${DEEP} items`, deepKey],
  ] as const) {
    const sql = assetListQuery(userId, filters, at);
    const plan = await db.query<{ "QUERY PLAN": string }>(
      `EXPLAIN ANALYZE ${sql.text}`,
      sql.values as unknown[],
    );
    plans.push(`-- ${label}\n${plan.rows.map((row) => row["QUERY PLAN"]).join("\n")}`);
  }
  await db.close();
  console.log(`\nQuery plans (EXPLAIN ANALYZE, embedded PostgreSQL, ${COUNT} assets):\n`);
  console.log(plans.join("\n\n"));

  const app = await startAppInstance({
    name: "bench",
    dialect: "reference",
    simulatorArgs: "--quiet",
    dataDir,
  });
  try {
    const cookie = await signInCookie(app.baseURL, EMAIL, PASSWORD);
    const first = await timeGets(`${app.baseURL}/api/assets?limit=40`, cookie);
    const deep = await timeGets(`${app.baseURL}/api/assets?limit=40&cursor=${cursor}`, cookie);
    const filtered = await timeGets(`${app.baseURL}/api/assets?limit=40&kind=video&q=fox`, cookie);

    const browser = await launchChromium();
    let bytes = 0;
    let requests = 0;
    let images = 0;
    try {
      const context = await signedInContext(browser, app.baseURL, cookie);
      const page = await context.newPage();
      page.on("response", async (response) => {
        const body = await response.body().catch(() => Buffer.alloc(0));
        bytes += body.length;
        requests += 1;
        if ((response.headers()["content-type"] ?? "").startsWith("image/")) images += 1;
      });
      await page.goto(`${app.baseURL}/gallery`, { waitUntil: "networkidle" });
    } finally {
      await browser.close();
    }

    printTable(
      `Gallery with ${COUNT.toLocaleString("en-US")} assets for one person (40 per page)`,
      [
        {
          measure: "GET /api/assets, first page (median / p95)",
          value: `${median(first).toFixed(1)} / ${percentile(first, 95).toFixed(1)} ms`,
        },
        {
          measure: `GET /api/assets, after ${DEEP.toLocaleString("en-US")} items (median / p95)`,
          value: `${median(deep).toFixed(1)} / ${percentile(deep, 95).toFixed(1)} ms`,
        },
        {
          measure: "GET /api/assets, kind=video + search (median)",
          value: `${median(filtered).toFixed(1)} ms`,
        },
        {
          measure: "first screen of /gallery (uncompressed bytes)",
          value: `${(bytes / 1024).toFixed(0)} KiB in ${requests} requests (${images} images)`,
        },
      ],
    );
  } finally {
    await app.stop();
  }
}

void main();
