// Three copies of the app, each with its own simulator: one speaking the API reference's
// dialect, one the official platform's (so the core journeys run against both), and one
// whose simulator the failure journeys switch into failures without disturbing the rest.
import { startAppInstance } from "./app-instance";

// Runs take about a second instead of several: the journeys wait on them often.
const SIMULATOR_ARGS = "--time-factor 0.3";

export default async function globalSetup() {
  // One after the other: the first start builds the app, the second reuses the build.
  const reference = await startAppInstance({
    name: "reference",
    dialect: "reference",
    simulatorArgs: SIMULATOR_ARGS,
  });
  const official = await startAppInstance({
    name: "official",
    dialect: "official",
    simulatorArgs: SIMULATOR_ARGS,
  });
  const faults = await startAppInstance({
    name: "faults",
    dialect: "reference",
    simulatorArgs: SIMULATOR_ARGS,
  });
  process.env.E2E_BASE_URL = reference.baseURL;
  process.env.E2E_SIMULATOR_URL = reference.simulatorURL;
  process.env.E2E_OFFICIAL_BASE_URL = official.baseURL;
  process.env.E2E_OFFICIAL_SIMULATOR_URL = official.simulatorURL;
  process.env.E2E_FAULTS_BASE_URL = faults.baseURL;
  process.env.E2E_FAULTS_SIMULATOR_URL = faults.simulatorURL;

  return async () => {
    await Promise.all([reference.stop(), official.stop(), faults.stop()]);
  };
}
