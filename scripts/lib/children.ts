// Child processes of the launcher: started with their output prefixed, stopped together.
import { spawn, type ChildProcess } from "node:child_process";
import readline from "node:readline";

export type Child = { name: string; process: ChildProcess; exited: Promise<number | null> };

export function startChild(
  name: string,
  command: string,
  args: string[],
  options: {
    env: NodeJS.ProcessEnv;
    cwd: string;
    prefix?: boolean;
    onLine?: (line: string) => void;
  },
): Child {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on("line", (line) => {
      if (options.prefix !== false) process.stdout.write(`[${name}] ${line}\n`);
      options.onLine?.(line);
    });
  }
  const exited = new Promise<number | null>((resolve) => {
    child.on("exit", (code) => resolve(code));
    child.on("error", () => resolve(1));
  });
  return { name, process: child, exited };
}

export async function stopChildren(children: Child[], graceMs = 5000): Promise<void> {
  await Promise.all(
    children.map(async ({ process: child, exited }) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    }),
  );
}

/** Runs a command to completion with inherited output; resolves with its exit code. */
export function run(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd: string },
): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: "inherit",
    });
    child.on("exit", (code) => resolve(code ?? 1));
    child.on("error", () => resolve(1));
  });
}
