// npm start / npm run dev: the zero-configuration launcher. Validates the configuration,
// migrates the database, builds if the sources changed, starts the simulator when no real
// key is set, then the app; Ctrl-C stops both.
import path from "node:path";
import { ensureAuthSecret } from "../lib/config/auth-secret";
import { ConfigError, parseEnv, simulatorUrls, type AppConfig } from "../lib/config/env-schema";
import { applyMigrations } from "../lib/db/migrations";
import { buildIsCurrent, recordBuild } from "./lib/build-stamp";
import { run, startChild, stopChildren, type Child } from "./lib/children";
import { isPortFree } from "./lib/port";
import { startSimulatorProcess } from "./lib/simulator";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const children: Child[] = [];
let stopping = false;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function loadConfig(): AppConfig {
  try {
    return parseEnv(process.env, root);
  } catch (error) {
    if (error instanceof ConfigError) fail(`Configuration error: ${error.message}`);
    throw error;
  }
}

async function shutdown(code: number): Promise<never> {
  stopping = true;
  await stopChildren(children);
  process.exit(code);
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (!(await isPortFree(config.port))) {
    fail(
      `Port ${config.port} is already in use (another app, or a playground that is still running).\nStart on another port with: PORT=${config.port + 1} npm ${dev ? "run dev" : "start"}`,
    );
  }

  const secret = config.auth.secret ?? ensureAuthSecret(config.dataDir);
  const where =
    config.database.kind === "pglite"
      ? `embedded PostgreSQL in ${path.relative(root, config.database.dir) || config.database.dir}`
      : "PostgreSQL from DATABASE_URL";
  console.log(`• Database: ${where}; applying migrations…`);
  await applyMigrations(config.database, root);

  if (!dev && !buildIsCurrent(root)) {
    console.log("• Building the app (first start, or the sources changed)…");
    if (
      (await run(path.join(root, "node_modules", ".bin", "next"), ["build"], { cwd: root })) !== 0
    )
      fail("The build failed; see the output above.");
    recordBuild(root);
  }

  const upstream: Record<string, string> = {};
  if (config.eachlabs.target === "simulator") {
    console.log(`• Starting the each::labs simulator (${config.simulatorDialect} dialect)…`);
    const extraArgs = (process.env.SIMULATOR_ARGS ?? "").split(/\s+/).filter(Boolean);
    const simulator = await startSimulatorProcess({
      root,
      apiKey: config.eachlabs.apiKey,
      dialect: config.simulatorDialect,
      extraArgs,
    });
    children.push(simulator.child);
    const urls = simulatorUrls(simulator.url);
    Object.assign(upstream, {
      EACHLABS_SIMULATOR: "1",
      EACHLABS_API_KEY: config.eachlabs.apiKey,
      EACHLABS_API_URL: urls.api,
      EACHLABS_WORKFLOWS_URL: urls.workflows,
      EACHLABS_SENSE_URL: urls.sense,
    });
    watchChild(simulator.child);
  } else {
    console.log(`• Using the each::labs platform at ${config.eachlabs.urls.api}`);
  }

  const appUrl = config.auth.url ?? `http://localhost:${config.port}`;
  const app = startChild(
    "app",
    path.join(root, "node_modules", ".bin", "next"),
    [dev ? "dev" : "start", "-p", String(config.port)],
    {
      cwd: root,
      env: {
        ...process.env,
        ...upstream,
        DATA_DIR: config.dataDir,
        NEXTAUTH_SECRET: secret,
        NEXTAUTH_URL: appUrl,
        PORT: String(config.port),
      },
      onLine: (line) => {
        if (/Ready in|ready started/i.test(line))
          console.log(`\n  each::labs Playground is running at ${appUrl}  (Ctrl-C stops it)\n`);
      },
    },
  );
  children.push(app);
  watchChild(app);
}

function watchChild(child: Child): void {
  void child.exited.then((code) => {
    if (stopping) return;
    console.error(
      `The ${child.name} stopped unexpectedly (exit code ${code}); stopping everything.`,
    );
    void shutdown(1);
  });
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

main().catch(async (error: unknown) => {
  console.error(`Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
