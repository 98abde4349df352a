// Memory while copying a large output into storage: the simulator makes a 200 MB video
// (the [[size:200mb]] marker), and the app's own copy routine (lib/storage/fetch-remote.ts,
// the one runs use) streams it into a fresh local store while this process's RSS is
// sampled every 20 ms. The goal is growth under 50 MB: the file is never held in memory.
//
//   npx tsx --conditions=react-server bench/copy-memory.ts
// (react-server lets the server-only modules load outside Next.)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { stopChildren } from "../scripts/lib/children";
import { startSimulatorProcess } from "../scripts/lib/simulator";
import { printTable } from "./lib/stats";

const SIZE_MB = 200;
const KEY = "sim_local_playground";
const root = path.resolve(import.meta.dirname, "..");

async function waitForOutput(base: string, id: string): Promise<string> {
  for (;;) {
    const prediction = (await (
      await fetch(`${base}/v1/prediction/${id}`, { headers: { "X-API-Key": KEY } })
    ).json()) as { status: string; output: string | string[] };
    if (prediction.status === "success")
      return Array.isArray(prediction.output) ? prediction.output[0]! : prediction.output;
    if (prediction.status === "failed") throw new Error("the prediction failed");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-copy-"));
  process.env.DATA_DIR = dataDir;
  process.env.NEXTAUTH_SECRET = "x".repeat(40);
  const simulator = await startSimulatorProcess({
    root,
    apiKey: KEY,
    dialect: "reference",
    extraArgs: ["--time-factor", "0.05", "--quiet"],
  });
  try {
    const created = await fetch(`${simulator.url}/v1/prediction`, {
      method: "POST",
      headers: { "X-API-Key": KEY, "Content-Type": "application/json" },
      body: JSON.stringify({
        model: "veo3-1-fast",
        version: "1.0.0",
        input: { prompt: `a long take [[size:${SIZE_MB}mb]]` },
      }),
    });
    const { predictionID } = (await created.json()) as { predictionID: string };
    const url = await waitForOutput(simulator.url, predictionID);
    const { copyRemoteFile } = await import("../lib/storage/fetch-remote");

    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = performance.now();
    const copied = await copyRemoteFile(url, { maxBytes: 600 * 1024 * 1024, timeoutMs: 600_000 });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);

    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    printTable(`Copying a ${SIZE_MB} MB output into storage`, [
      { measure: "file copied", value: `${mb(copied.byteSize)} (${copied.contentType})` },
      {
        measure: "time",
        value: `${seconds.toFixed(1)} s (${(copied.byteSize / 1024 / 1024 / seconds).toFixed(0)} MB/s)`,
      },
      { measure: "RSS before", value: mb(baseline) },
      { measure: "RSS peak during the copy", value: mb(peak) },
      { measure: "RSS growth (goal: under 50 MB)", value: mb(peak - baseline) },
    ]);
  } finally {
    await stopChildren([simulator.child]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
