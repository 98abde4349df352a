// One running copy of the app, started the way a person does (`npm start`: migrations,
// build if needed, the simulator, then `next start`) on a free port with a throwaway
// embedded database.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { freePort } from "../../scripts/lib/port";

const root = path.resolve(import.meta.dirname, "../..");

export type AppInstance = { baseURL: string; simulatorURL: string; stop: () => Promise<void> };

async function waitForHealth(url: string, exited: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited()) throw new Error("the app exited during start-up; see the output above");
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app did not become healthy within ${timeoutMs / 1000} s`);
}

export async function startAppInstance(options: {
  name: string;
  dialect: "reference" | "official";
  simulatorArgs: string;
  /** Benchmarks may measure against a real PostgreSQL; tests never do. */
  databaseUrl?: string;
  /** Benchmarks may start on data they prepared; by default a fresh folder. */
  dataDir?: string;
}): Promise<AppInstance> {
  const port = await freePort();
  const dataDir =
    options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), `playground-e2e-${options.name}-`));
  const baseURL = `http://localhost:${port}`;
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(root, "scripts", "start.ts")],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        // Never a real database or a real key from the environment: tests run against a
        // throwaway embedded database and the simulator only.
        DATABASE_URL: options.databaseUrl ?? "",
        EACHLABS_API_KEY: "",
        EACHLABS_API_URL: "",
        EACHLABS_WORKFLOWS_URL: "",
        EACHLABS_SENSE_URL: "",
        NEXTAUTH_SECRET: "",
        NEXTAUTH_URL: baseURL,
        SIMULATOR_DIALECT: options.dialect,
        SIMULATOR_ARGS: options.simulatorArgs,
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  );
  let simulatorURL = "";
  readline.createInterface({ input: child.stdout! }).on("line", (line) => {
    const ready = /SIMULATOR_READY (\{.*\})/.exec(line);
    if (ready) simulatorURL = (JSON.parse(ready[1]!) as { url: string }).url;
    if (process.env.E2E_VERBOSE || !line.startsWith("["))
      process.stdout.write(`[${options.name}] ${line}\n`);
  });
  await waitForHealth(baseURL, () => child.exitCode !== null, 300_000);
  if (!simulatorURL) throw new Error("the launcher did not report the simulator's URL");

  return {
    baseURL,
    simulatorURL,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((resolve) => child.once("exit", resolve));
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
