// Drives the simulator's control API (simulator/README.md) to put it into a failure.
import type { TestInfo } from "@playwright/test";

export function simulatorUrl(testInfo: TestInfo): string {
  const byProject: Record<string, string | undefined> = {
    official: process.env.E2E_OFFICIAL_SIMULATOR_URL,
    faults: process.env.E2E_FAULTS_SIMULATOR_URL,
  };
  const url = byProject[testInfo.project.name] ?? process.env.E2E_SIMULATOR_URL;
  if (!url) throw new Error("the e2e global setup did not start a simulator");
  return url;
}

export async function configureSimulator(
  testInfo: TestInfo,
  config: Record<string, unknown>,
): Promise<void> {
  await postSimulatorConfig(simulatorUrl(testInfo), config);
}

/** Changes a running simulator's configuration through its control API. */
export async function postSimulatorConfig(
  simulatorURL: string,
  config: Record<string, unknown>,
): Promise<void> {
  const response = await fetch(`${simulatorURL}/__simulator/config`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(config),
  });
  if (!response.ok)
    throw new Error(`simulator config refused: ${response.status} ${await response.text()}`);
}
