// The start-up checks a newcomer meets first: a wrong setting or a taken port gets one
// clear line, no stack trace, and nothing starts.
import { spawnSync } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function launch(env: Record<string, string>) {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", path.join(root, "scripts", "start.ts")],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: "", EACHLABS_API_KEY: "", ...env },
      encoding: "utf8",
      timeout: 30_000,
    },
  );
  return { code: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
}

describe("npm start", () => {
  it.each([
    [
      { PORT: "http" },
      'Configuration error: PORT must be a port number from 1 to 65535 (got "http")',
    ],
    [
      { DATABASE_URL: "sqlite:///tmp/x.db" },
      /^Configuration error: DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/,
    ],
    [
      { EACHLABS_API_URL: "not a url" },
      /^Configuration error: EACHLABS_API_URL must be an http\(s\) URL/,
    ],
  ])("stops on %o with one line naming the variable", (env, message) => {
    const { code, stderr, stdout } = launch(env);
    expect(code).toBe(1);
    expect(stderr.split("\n")).toHaveLength(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\bat \S+:\d+/); // no stack trace
    expect(stdout).toBe("");
  });

  it("says when the port is taken and how to choose another", async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen({ port: 0 }, resolve));
    const port = (server.address() as net.AddressInfo).port;
    try {
      const { code, stderr } = launch({ PORT: String(port) });
      expect(code).toBe(1);
      expect(stderr).toContain(`Port ${port} is already in use`);
      expect(stderr).toContain(`PORT=${port + 1} npm start`);
    } finally {
      server.close();
    }
  });
});
