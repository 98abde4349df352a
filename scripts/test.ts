// npm test: lint, typecheck, unit tests (Vitest), end-to-end tests (Playwright), in that
// order, then one last line `N passed, N failed` summed from the runners' own reports.
// A failed lint or typecheck counts as one failure each, so it can never pass silently.
import fs from "node:fs";
import path from "node:path";
import { run } from "./lib/children";

const root = path.resolve(import.meta.dirname, "..");
const reports = path.join(root, ".reports");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  FORCE_COLOR: process.env.FORCE_COLOR ?? "0",
};
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

type Tally = { name: string; passed: number; failed: number; note?: string };
const tallies: Tally[] = [];

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

async function check(name: string, command: string, args: string[]) {
  console.log(`\n▶ ${name}`);
  const code = await run(command, args, { cwd: root, env });
  if (code !== 0) tallies.push({ name, passed: 0, failed: 1, note: `exit code ${code}` });
}

async function unit() {
  console.log("\n▶ unit tests (Vitest)");
  const file = path.join(reports, "vitest.json");
  fs.rmSync(file, { force: true });
  const code = await run(
    bin("vitest"),
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${file}`],
    { cwd: root, env },
  );
  const report = readJson<{ numPassedTests: number; numFailedTests: number }>(file);
  if (!report)
    return tallies.push({
      name: "unit",
      passed: 0,
      failed: 1,
      note: `no report (exit code ${code})`,
    });
  const failed = report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0);
  tallies.push({ name: "unit", passed: report.numPassedTests, failed });
}

async function ensureChromium(): Promise<boolean> {
  if (fs.existsSync(CHROMIUM)) return true;
  if (process.getuid?.() !== 0) {
    console.error(
      `Chromium is missing at ${CHROMIUM}. Install Debian's package: sudo apt-get install -y chromium`,
    );
    return false;
  }
  console.log("\n▶ installing Debian's chromium for the end-to-end tests");
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  await run("apt-get", ["update", "-qq"], { cwd: root, env: aptEnv });
  await run("apt-get", ["install", "-y", "-qq", "chromium"], { cwd: root, env: aptEnv });
  return fs.existsSync(CHROMIUM);
}

type PlaywrightReport = {
  stats?: { expected: number; unexpected: number; flaky: number };
  errors?: unknown[];
};

async function endToEnd() {
  if (!(await ensureChromium()))
    return tallies.push({ name: "e2e", passed: 0, failed: 1, note: "Chromium missing" });
  console.log("\n▶ end-to-end tests (Playwright, production build + simulator)");
  const file = path.join(reports, "playwright.json");
  fs.rmSync(file, { force: true });
  const code = await run(
    bin("playwright"),
    ["test", "--project=chromium", "--project=official", "--project=faults"],
    { cwd: root, env },
  );
  const report = readJson<PlaywrightReport>(file);
  if (!report?.stats)
    return tallies.push({
      name: "e2e",
      passed: 0,
      failed: 1,
      note: `no report (exit code ${code})`,
    });
  const setupErrors = report.errors?.length ?? 0;
  tallies.push({
    name: "e2e",
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected + setupErrors,
  });
}

async function main() {
  fs.mkdirSync(reports, { recursive: true });
  await check("lint", "npm", ["run", "--silent", "lint"]);
  await check("typecheck", "npm", ["run", "--silent", "typecheck"]);
  await unit();
  await endToEnd();

  console.log("\nSummary");
  for (const t of tallies)
    console.log(
      `  ${t.name.padEnd(10)} ${t.passed} passed, ${t.failed} failed${t.note ? ` (${t.note})` : ""}`,
    );
  const passed = tallies.reduce((sum, t) => sum + t.passed, 0);
  const failed = tallies.reduce((sum, t) => sum + t.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

void main();
