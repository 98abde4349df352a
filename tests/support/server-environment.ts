// What integration tests of server modules need: a fresh embedded database with every
// migration applied, the real simulator in its own process, and the environment the app's
// modules read (set before those modules are imported: they read it once).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SIMULATOR_API_KEY, simulatorUrls } from "@/lib/config/env-schema";
import { migratePglite } from "@/lib/db/migrations";
import { stopChildren } from "../../scripts/lib/children";
import { startSimulatorProcess } from "../../scripts/lib/simulator";

const root = path.resolve(import.meta.dirname, "../..");

export type ServerEnvironment = {
  dataDir: string;
  simulatorUrl: string;
  stop: () => Promise<void>;
};

export async function startServerEnvironment(
  options: {
    simulatorArgs?: string[];
    dialect?: "reference" | "official";
    env?: Record<string, string>;
  } = {},
): Promise<ServerEnvironment> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "server-env-"));
  await migratePglite(path.join(dataDir, "pglite"), path.join(root, "prisma", "migrations"));
  const simulator = await startSimulatorProcess({
    root,
    apiKey: SIMULATOR_API_KEY,
    dialect: options.dialect ?? "reference",
    extraArgs: ["--quiet", ...(options.simulatorArgs ?? [])],
  });
  const urls = simulatorUrls(simulator.url);
  Object.assign(process.env, {
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    EACHLABS_API_KEY: "",
    EACHLABS_SIMULATOR: "1",
    EACHLABS_API_URL: urls.api,
    EACHLABS_WORKFLOWS_URL: urls.workflows,
    EACHLABS_SENSE_URL: urls.sense,
    NEXTAUTH_SECRET: "x".repeat(40),
    NEXTAUTH_URL: "",
    ...options.env,
  });
  return {
    dataDir,
    simulatorUrl: simulator.url,
    stop: async () => {
      await stopChildren([simulator.child]);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
