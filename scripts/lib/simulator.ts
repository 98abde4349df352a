// Starts the each::labs simulator (simulator/) as its own process on loopback and waits for
// the line it prints when it is listening.
import path from "node:path";
import { startChild, type Child } from "./children";

const READY = "SIMULATOR_READY ";

export async function startSimulatorProcess(options: {
  root: string;
  apiKey: string;
  dialect: "reference" | "official";
  extraArgs: string[];
  timeoutMs?: number;
}): Promise<{ child: Child; url: string }> {
  let resolveUrl: (url: string) => void = () => {};
  const ready = new Promise<string>((resolve) => (resolveUrl = resolve));
  const child = startChild(
    "simulator",
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(options.root, "simulator", "src", "main.ts"),
      "--port",
      "0",
      "--keys",
      options.apiKey,
      "--dialect",
      options.dialect,
      ...options.extraArgs,
    ],
    {
      cwd: options.root,
      env: process.env,
      onLine: (line) => {
        if (line.startsWith(READY))
          resolveUrl((JSON.parse(line.slice(READY.length)) as { url: string }).url);
      },
    },
  );
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(
      () => reject(new Error("the simulator did not start within 30 s")),
      options.timeoutMs ?? 30_000,
    ).unref(),
  );
  const exited = child.exited.then((code): never => {
    throw new Error(`the simulator exited before it was ready (exit code ${code})`);
  });
  const url = await Promise.race([ready, timeout, exited]);
  return { child, url };
}
