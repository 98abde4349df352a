import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseCliArgs, UsageError } from "../src/cli-args.js";

const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../src/main.ts");

describe("command line", () => {
  it("parses every flag form, including --flag=value and optional values", () => {
    expect(
      parseCliArgs([
        "--port",
        "0",
        "--keys=a,b",
        "--dialect",
        "official",
        "--time-factor",
        "0.05",
        "--plan",
        "free",
        "--fail-webhooks",
        "--late-webhooks",
        "--durations",
        "image=100,video=200",
      ]),
    ).toMatchObject({
      port: 0,
      keys: ["a", "b"],
      dialect: "official",
      timeFactor: 0.05,
      plan: "free",
      failWebhooks: 1,
      lateWebhooksMs: 5000,
      durationsMs: { image: 100, video: 200 },
    });
  });

  it.each([
    [["--nope"]],
    [["--port", "abc"]],
    [["--port"]],
    [["--dialect", "klingon"]],
    [["--host", "0.0.0.0"]],
    [["--fail-rate", "2"]],
    [["--catalog", "missing.json"]],
  ])("refuses %j with a usage error", (argv) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
  });

  it("prints exactly one SIMULATOR_READY line on stdout, serves, and exits 0 on SIGTERM", async () => {
    const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), "eachlabs-sim-cli-"));
    const child = spawn(
      process.execPath,
      ["--import", "tsx", MAIN, "--port", "0", "--quiet", "--media-dir", mediaDir],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    const ready = await new Promise<{ port: number; url: string; dialect: string }>(
      (resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          stdout += chunk.toString();
          const line = /^SIMULATOR_READY (\{.*\})\n/.exec(stdout);
          if (line?.[1] !== undefined)
            resolve(JSON.parse(line[1]) as { port: number; url: string; dialect: string });
        });
        child.on("exit", (code) => reject(new Error(`exited early with ${code}`)));
      },
    );
    expect(ready).toEqual({
      port: expect.any(Number),
      url: `http://127.0.0.1:${ready.port}`,
      dialect: "reference",
    });
    expect(await (await fetch(`${ready.url}/health`)).json()).toEqual({
      status: "ok",
      dialect: "reference",
    });
    const exitCode = await new Promise<number | null>((resolve) => {
      child.on("exit", resolve);
      child.kill("SIGTERM");
    });
    fs.rmSync(mediaDir, { recursive: true, force: true });
    expect(exitCode).toBe(0);
    expect(stdout.trim().split("\n")).toHaveLength(1);
  });

  it("exits 2 with a one-line error for a bad flag", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", MAIN, "--bogus"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toEqual([expect.stringContaining('unknown flag "--bogus"')]);
  });
});
