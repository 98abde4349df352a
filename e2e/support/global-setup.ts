// Starts the app the way a person does (`npm start`: migrations, build if needed, the
// simulator, then `next start`) on a free port with a throwaway embedded database.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../scripts/lib/port";

const root = path.resolve(import.meta.dirname, "../..");

async function waitForHealth(
  url: string,
  child: { exitCode: number | null },
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(
        `the app exited during start-up (code ${child.exitCode}); see the output above`,
      );
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app did not become healthy within ${timeoutMs / 1000} s`);
}

export default async function globalSetup() {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "playground-e2e-"));
  const baseURL = `http://localhost:${port}`;
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(root, "scripts", "start.ts")],
    {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        // Never a real database or a real key from the environment: tests run against a
        // throwaway embedded database and the simulator only.
        DATABASE_URL: "",
        EACHLABS_API_KEY: "",
        EACHLABS_API_URL: "",
        EACHLABS_WORKFLOWS_URL: "",
        EACHLABS_SENSE_URL: "",
        NEXTAUTH_SECRET: "",
        NEXTAUTH_URL: baseURL,
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  );
  await waitForHealth(baseURL, child, 300_000);
  process.env.E2E_BASE_URL = baseURL;

  return async () => {
    child.kill("SIGTERM");
    await new Promise((resolve) =>
      child.exitCode !== null ? resolve(null) : child.once("exit", resolve),
    );
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
