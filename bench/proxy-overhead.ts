// Proxy overhead: one prediction created and polled once, 200 times at concurrency 10,
// (a) straight against the simulator, (b) through a bare node:http pass-through proxy, and
// (c) through the app (POST /api/runs + GET /api/runs/:id: session, validation, database
// record, upstream call). Prints p50/p99 per path, the latency the app adds, and the app's
// throughput as a share of the bare proxy's. Twice: while the predictions are still running
// when polled (as with real models, which take seconds: the proxying alone), and with
// predictions that finish at once, so the app also takes every webhook and copies every
// output into storage with its previews while it answers.
//
//   npx tsx bench/proxy-overhead.ts
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test npx tsx bench/proxy-overhead.ts
// (the second also measures the app on a real PostgreSQL, in a database of its own.)
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { startAppInstance } from "../e2e/support/app-instance";
import { postSimulatorConfig } from "../e2e/support/simulator";
import { percentile, printTable, timedPool } from "./lib/stats";
import { signedInCookie } from "./lib/session";

const TOTAL = 200;
const CONCURRENCY = 10;
const KEY = "sim_local_playground";

function passThroughProxy(target: string): Promise<{ url: string; close: () => void }> {
  const upstream = new URL(target);
  const server = http.createServer((req, res) => {
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on("error", () => res.writeHead(502).end());
    req.pipe(forward);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => server.close(),
      }),
    ),
  );
}

async function directPath(base: string, i: number) {
  const headers = { "X-API-Key": KEY, "Content-Type": "application/json" };
  const created = await fetch(`${base}/v1/prediction`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      model: "flux-2-pro",
      version: "1.0.0",
      input: { prompt: `bench ${i}` },
    }),
  });
  if (!created.ok) throw new Error(`create failed: ${created.status} ${await created.text()}`);
  const { predictionID } = (await created.json()) as { predictionID: string };
  const polled = await fetch(`${base}/v1/prediction/${predictionID}`, { headers });
  if (!polled.ok) throw new Error(`poll failed: ${polled.status}`);
  await polled.arrayBuffer();
}

async function appPath(base: string, cookie: string, i: number) {
  const headers = { Cookie: cookie, "Content-Type": "application/json" };
  const created = await fetch(`${base}/api/runs`, {
    method: "POST",
    headers,
    body: JSON.stringify({ model: "flux-2-pro", input: { prompt: `bench ${i}` } }),
  });
  if (!created.ok) throw new Error(`create failed: ${created.status} ${await created.text()}`);
  const { run } = (await created.json()) as { run: { id: string } };
  const polled = await fetch(`${base}/api/runs/${run.id}`, { headers });
  if (!polled.ok) throw new Error(`poll failed: ${polled.status}`);
  await polled.arrayBuffer();
}

async function measure(database: { label: string; url?: string }) {
  const app = await startAppInstance({
    name: "bench",
    dialect: "reference",
    simulatorArgs: "--time-factor 0.01 --rate-limit 1000000 --concurrency 100000 --quiet",
    databaseUrl: database.url,
  });
  const proxy = await passThroughProxy(app.simulatorURL);
  try {
    const cookie = await signedInCookie(app.baseURL);
    // Warm-up: compile routes, open connections, fill the catalog cache.
    await timedPool(20, 5, (i) => appPath(app.baseURL, cookie, i));
    await timedPool(20, 5, (i) => directPath(app.simulatorURL, i));

    // Predictions that take minutes: none finishes while measured.
    await postSimulatorConfig(app.simulatorURL, { timeFactor: 100 });
    const direct = await timedPool(TOTAL, CONCURRENCY, (i) => directPath(app.simulatorURL, i));
    const bare = await timedPool(TOTAL, CONCURRENCY, (i) => directPath(proxy.url, i));
    const viaApp = await timedPool(TOTAL, CONCURRENCY, (i) => appPath(app.baseURL, cookie, i));
    // Predictions that finish in milliseconds: each one's webhook and output copy too.
    await postSimulatorConfig(app.simulatorURL, { timeFactor: 0.01 });
    const finishingDirect = await timedPool(TOTAL, CONCURRENCY, (i) =>
      directPath(app.simulatorURL, i),
    );
    const finishingApp = await timedPool(TOTAL, CONCURRENCY, (i) =>
      appPath(app.baseURL, cookie, i),
    );
    // Once the background work of those runs (webhooks, copying outputs) has settled:
    // the same pair one at a time, to tell per-request cost from contention.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const serialDirect = await timedPool(30, 1, (i) => directPath(app.simulatorURL, i));
    const serialApp = await timedPool(30, 1, (i) => appPath(app.baseURL, cookie, i));

    type Timed = { durations: number[]; wallMs: number };
    const row = (name: string, r: Timed, baseline: Timed) => ({
      path: name,
      "p50 ms": percentile(r.durations, 50),
      "p99 ms": percentile(r.durations, 99),
      "added p50 ms": percentile(r.durations, 50) - percentile(baseline.durations, 50),
      "added p99 ms": percentile(r.durations, 99) - percentile(baseline.durations, 99),
      "create+poll/s": (r.durations.length / r.wallMs) * 1000,
    });
    printTable(
      `Proxy overhead (${database.label}): ${TOTAL} create+poll pairs at concurrency ${CONCURRENCY}`,
      [
        row("still running when polled: simulator directly", direct, direct),
        row("still running: bare node:http proxy", bare, direct),
        row(`still running: the app`, viaApp, direct),
        row("finishing at once: simulator directly", finishingDirect, finishingDirect),
        row("finishing at once: the app (+ webhooks, copies)", finishingApp, finishingDirect),
        row("finishing, one at a time: simulator directly", serialDirect, serialDirect),
        row("finishing, one at a time: the app", serialApp, serialDirect),
      ],
    );
    const ratio = (r: Timed) => (TOTAL / r.wallMs / (TOTAL / bare.wallMs)).toFixed(2);
    console.log(
      `App throughput / bare proxy throughput (${database.label}): ${ratio(viaApp)} while ` +
        `predictions run, ${ratio(finishingApp)} when each also finishes and is saved`,
    );
  } finally {
    proxy.close();
    await app.stop();
  }
}

async function main() {
  process.env.RUNS_PER_MINUTE = "1000000";
  await measure({ label: "embedded PGlite" });
  const server = process.env.BENCH_DATABASE_URL;
  if (!server) return;
  const name = `bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  try {
    const url = new URL(server);
    url.pathname = `/${name}`;
    await measure({ label: "PostgreSQL 15", url: url.toString() });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

void main();
