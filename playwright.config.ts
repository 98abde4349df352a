import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium (never a downloaded browser). These flags keep it from reaching for
// Google's services, which this machine's closed network refuses.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-gpu",
  "--disable-quic",
];

export default defineConfig({
  testDir: "e2e",
  // Starts the real app (production build) and the real simulator on free ports with a
  // throwaway database, exactly as `npm start` does; see e2e/support/global-setup.ts.
  globalSetup: "./e2e/support/global-setup.ts",
  // Generous: on a busy 2-core machine a journey that takes 30 s alone may take twice that.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"], ["json", { outputFile: ".reports/playwright.json" }]],
  use: {
    baseURL: process.env.E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [
    // Everything, against the simulator in the API reference's dialect.
    {
      name: "chromium",
      testIgnore: /(errors|keys|chat-faults)\.spec\.ts$/,
      use: { ...devices["Desktop Chrome"] },
    },
    // The core journeys again, against the simulator in the official platform's dialect.
    {
      name: "official",
      testMatch: /(run-model|models-media|chat|workflows)\.spec\.ts$/,
      use: { ...devices["Desktop Chrome"], baseURL: process.env.E2E_OFFICIAL_BASE_URL },
    },
    // Failure journeys switch their simulator into a failure, so they get an app and a
    // simulator of their own and run one at a time.
    {
      name: "faults",
      testMatch: /(errors|keys|chat-faults)\.spec\.ts$/,
      fullyParallel: false,
      workers: 1,
      use: { ...devices["Desktop Chrome"], baseURL: process.env.E2E_FAULTS_BASE_URL },
    },
    // `npm run screenshots` only; it matches files the default project never sees.
    { name: "screenshots", testMatch: /\.shots\.ts$/, use: { ...devices["Desktop Chrome"] } },
    {
      name: "screenshots-dark",
      testMatch: /\.shots\.ts$/,
      use: { ...devices["Desktop Chrome"], colorScheme: "dark" },
    },
  ],
});
