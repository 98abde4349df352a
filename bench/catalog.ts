// The catalog at 5,000 models: the simulator synthesizes the catalog (--models 5000); the
// app serves /models from its cache. Prints the server's response time for the page (to
// the last byte, 20 requests after a warm-up), the first-load JavaScript (gzip) of the
// page, and the time from a keystroke in the search box to the filtered list painting
// (performance marks set by the page, median of 20 keystrokes in Chromium).
//
//   npx tsx bench/catalog.ts
import { gzipSync } from "node:zlib";
import { startAppInstance } from "../e2e/support/app-instance";
import { launchChromium } from "./lib/browser";
import { median, percentile, printTable } from "./lib/stats";

const MODELS = 5000;
const REQUESTS = 20;
const KEYSTROKES = 20;

async function pageTimes(url: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS + 2; i++) {
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (i >= 2) times.push(performance.now() - started);
  }
  return times;
}

async function firstLoadJs(
  baseURL: string,
): Promise<{ raw: number; gzip: number; files: number; html: number }> {
  const html = await (await fetch(`${baseURL}/models`)).text();
  const sources = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!);
  let raw = 0;
  let gzip = 0;
  for (const src of new Set(sources)) {
    const body = Buffer.from(await (await fetch(new URL(src, baseURL))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  return { raw, gzip, files: new Set(sources).size, html: gzipSync(Buffer.from(html)).length };
}

async function keystrokeToPaint(baseURL: string): Promise<number[]> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${baseURL}/models`);
    const search = page.getByLabel("Search models");
    await search.click();
    const durations: number[] = [];
    const typed = "video image audio model flux".split("");
    for (const key of typed.slice(0, KEYSTROKES)) {
      await page.evaluate(() => performance.clearMarks());
      await search.press(key === " " ? "Space" : key);
      const duration = await page.waitForFunction(() => {
        const start = performance.getEntriesByName("catalog-filter-start").at(-1);
        const painted = performance.getEntriesByName("catalog-filter-painted").at(-1);
        return start && painted && painted.startTime >= start.startTime
          ? painted.startTime - start.startTime
          : false;
      });
      durations.push((await duration.jsonValue()) as number);
    }
    return durations;
  } finally {
    await browser.close();
  }
}

async function main() {
  const app = await startAppInstance({
    name: "bench",
    dialect: "reference",
    simulatorArgs: `--models ${MODELS} --quiet`,
  });
  try {
    const server = await pageTimes(`${app.baseURL}/models`);
    const js = await firstLoadJs(app.baseURL);
    const paint = await keystrokeToPaint(app.baseURL);
    printTable(`Catalog with ${MODELS} models`, [
      {
        measure: "GET /models, server time to last byte (median)",
        value: `${median(server).toFixed(0)} ms`,
      },
      {
        measure: "GET /models, server time to last byte (p95)",
        value: `${percentile(server, 95).toFixed(0)} ms`,
      },
      {
        measure: "first-load JS (gzip)",
        value: `${(js.gzip / 1024).toFixed(0)} KiB in ${js.files} files (${(js.raw / 1024).toFixed(0)} KiB raw)`,
      },
      { measure: "HTML + inline data (gzip)", value: `${(js.html / 1024).toFixed(0)} KiB` },
      {
        measure: "keystroke → filtered list painted (median of 20)",
        value: `${median(paint).toFixed(1)} ms`,
      },
      {
        measure: "keystroke → filtered list painted (worst of 20)",
        value: `${Math.max(...paint).toFixed(1)} ms`,
      },
    ]);
  } finally {
    await app.stop();
  }
}

void main();
