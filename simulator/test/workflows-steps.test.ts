import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSimulator, type TestSimulator } from "./helpers.js";
import { createFromSteps, run, statuses, type Loose } from "./workflows-helpers.js";

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A local API the http steps call: answers JSON, 500 on /broken, echoes what it got. */
async function startApi(): Promise<{ url: string; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const entry = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      seen.push(entry);
      if (req.url?.startsWith("/text")) {
        res.writeHead(200, { "Content-Type": "text/plain" });
        res.end("plain words");
        return;
      }
      res.writeHead(req.url?.startsWith("/broken") ? 500 : 200, {
        "Content-Type": "application/json",
      });
      res.end(
        JSON.stringify({
          ok: true,
          method: entry.method,
          path: entry.url,
          size: entry.body.length,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe("each::workflows python steps (sandboxed python3 subprocess)", () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator();
  });
  afterAll(() => sim.close());

  const python = (code: string, extra: Loose = {}) => ({
    step_id: "py",
    type: "python",
    code,
    inputs: { text: "{{inputs.text}}", n: "{{inputs.n}}" },
    ...extra,
  });

  it("runs the code with inputs as a dict and outputs its result variable (types kept), printing captured", async () => {
    const workflow = await createFromSteps(sim, [
      python(
        "print('working')\nresult = {'upper': inputs['text'].upper(), 'twice': inputs['n'] * 2}",
      ),
    ]);
    const execution = await run(sim, workflow.workflow_id as string, { text: "ada", n: 21 });
    expect(execution.status).toBe("completed");
    expect(execution.step_outputs.py.output).toEqual({ upper: "ADA", twice: 42 });
    expect(execution.step_outputs.py.metadata).toMatchObject({
      printed: "working\n",
      runtime: "python3",
      memory_limit_mb: 256,
      timeout_seconds: 10,
    });
  });

  it("kills code that runs past timeout_seconds and fails the step with a timeout", async () => {
    const workflow = await createFromSteps(sim, [
      python("import time\nwhile True:\n    time.sleep(0.05)", { timeout_seconds: 1 }),
    ]);
    const started = Date.now();
    const execution = await run(sim, workflow.workflow_id as string, { text: "x", n: 1 });
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(execution.status).toBe("failed");
    expect(execution.step_outputs.py.error).toBe("python step timed out after 1s (process killed)");
    expect(execution.step_outputs.py.metadata.error_kind).toBe("timeout");
    expect(execution.error_cause).toBe(
      "Step 'py' failed: python step timed out after 1s (process killed)",
    );
  });

  it("stops code that allocates past the 256 MB memory limit with a MemoryError", async () => {
    const workflow = await createFromSteps(sim, [
      python("block = bytearray(1024 * 1024 * 1024)\nresult = len(block)"),
    ]);
    const execution = await run(sim, workflow.workflow_id as string, { text: "x", n: 1 });
    expect(execution.status).toBe("failed");
    expect(execution.step_outputs.py.error).toMatch(/MemoryError/);
    expect(execution.step_outputs.py.metadata.error_kind).toBe("memory_limit");
  });

  it("has no network (sockets raise, also for urllib to loopback), no child processes and an empty environment", async () => {
    const workflow = await createFromSteps(sim, [
      python(
        [
          "import os, socket, subprocess, urllib.request",
          "found = {}",
          "for name, attempt in [('socket', lambda: socket.socket()),",
          "                      ('urllib', lambda: urllib.request.urlopen('http://127.0.0.1:9', timeout=1)),",
          "                      ('dns', lambda: socket.getaddrinfo('example.com', 80)),",
          "                      ('process', lambda: subprocess.run(['true']))]:",
          "    try:",
          "        attempt()",
          "        found[name] = 'allowed'",
          "    except Exception as error:",
          "        found[name] = type(error).__name__ + ': ' + str(error)",
          "found['env'] = sorted(k for k in os.environ if k != 'LC_CTYPE')",
          "result = found",
        ].join("\n"),
      ),
    ]);
    const execution = await run(sim, workflow.workflow_id as string, { text: "x", n: 1 });
    expect(execution.status).toBe("completed");
    const found = execution.step_outputs.py.output as Record<string, unknown>;
    expect(found.socket).toBe(
      "PermissionError: network access is disabled in the simulator's python sandbox",
    );
    expect(found.urllib).toMatch(/network access is disabled/);
    expect(found.dns).toMatch(/network access is disabled/);
    expect(found.process).toMatch(/starting processes is disabled/);
    expect(found.env).toEqual([]);
  });

  it("reports a syntax error or an exception as the step's error", async () => {
    const workflow = await createFromSteps(sim, [
      python("result = (", { continue_on_error: true, step_id: "broken" }),
      python("raise ValueError('bad input')", { step_id: "raises" }),
    ]);
    const execution = await run(sim, workflow.workflow_id as string, { text: "x", n: 1 });
    expect(statuses(execution)).toEqual({ broken: "failed", raises: "failed" });
    expect(execution.step_outputs.broken.error).toMatch(/^SyntaxError: .* \(line 1\)$/);
    expect(execution.step_outputs.raises.error).toBe("ValueError: bad input");
    expect(execution.error_cause).toBe("Step 'raises' failed: ValueError: bad input");
  });

  it("runs the official eachlabs-python-step model form with {return_value, printed, output_files}", async () => {
    const workflow = await createFromSteps(sim, [
      {
        step_id: "py",
        type: "model",
        model: "eachlabs-python-step",
        params: {
          code: "print('hi')\nresult = inputs['a'] + 1",
          inputs: { a: 41 },
          timeout_seconds: 5,
        },
      },
    ]);
    const execution = await run(sim, workflow.workflow_id as string);
    expect(execution.step_outputs.py.output).toEqual({
      return_value: 42,
      printed: "hi\n",
      output_files: {},
    });
    expect(execution.step_outputs.py.primary).toBe(42);
  });
});

describe("each::workflows http steps", () => {
  let sim: TestSimulator;
  let api: Awaited<ReturnType<typeof startApi>>;
  beforeAll(async () => {
    sim = await startTestSimulator();
    api = await startApi();
  });
  afterAll(async () => {
    await sim.close();
    await api.close();
  });

  const httpStep = (id: string, extra: Loose) => ({
    step_id: id,
    type: "http",
    url: `${api.url}/${id}`,
    method: "POST",
    headers: { "X-Trace": "{{inputs.trace}}" },
    body: { data: "{{inputs.data}}", count: "{{inputs.count}}" },
    ...extra,
  });

  it("sends method, headers, JSON body and each auth type (bearer, basic, api_key header and query), and parses JSON answers", async () => {
    const workflow = await createFromSteps(sim, [
      httpStep("bearer", { auth: { type: "bearer", token: "{{inputs.token}}" } }),
      httpStep("basic", { auth: { type: "basic", username: "ada", password: "s3cret" } }),
      httpStep("apikey", { auth: { type: "api_key", header: "X-Custom-Key", value: "k-123" } }),
      httpStep("apiquery", {
        method: "GET",
        query_params: { page: 2 },
        auth: { type: "api_key", name: "token", value: "q-1", in: "query" },
      }),
    ]);
    const execution = await run(sim, workflow.workflow_id as string, {
      trace: "t-1",
      data: "payload",
      count: 3,
      token: "tok-abc",
    });
    expect(execution.status).toBe("completed");
    const byPath = (path: string) => api.seen.find((entry) => entry.url.startsWith(path)) as Seen;
    const bearer = byPath("/bearer");
    expect(bearer.method).toBe("POST");
    expect(bearer.headers.authorization).toBe("Bearer tok-abc");
    expect(bearer.headers["x-trace"]).toBe("t-1");
    expect(bearer.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(bearer.body)).toEqual({ data: "payload", count: 3 });
    expect(byPath("/basic").headers.authorization).toBe(
      `Basic ${Buffer.from("ada:s3cret").toString("base64")}`,
    );
    expect(byPath("/apikey").headers["x-custom-key"]).toBe("k-123");
    const query = byPath("/apiquery");
    expect(query.method).toBe("GET");
    expect(query.url).toBe("/apiquery?page=2&token=q-1");
    expect(query.body).toBe("");
    expect(execution.step_outputs.bearer.output).toMatchObject({
      status_code: 200,
      body: { ok: true, method: "POST", path: "/bearer" },
    });
    expect(execution.step_outputs.bearer.primary).toEqual({
      ok: true,
      method: "POST",
      path: "/bearer",
      size: bearer.body.length,
    });
  });

  it("refuses a non-loopback URL with a clear error, without calling out", async () => {
    const workflow = await createFromSteps(sim, [
      { step_id: "outside", type: "http", url: "https://api.example.com/process", method: "POST" },
    ]);
    const execution = await run(sim, workflow.workflow_id as string);
    expect(execution.status).toBe("failed");
    expect(execution.step_outputs.outside.error).toBe(
      "http step refused https://api.example.com: the simulator has no internet access; only loopback URLs (127.0.0.1, ::1, localhost) can be called",
    );
    expect(execution.step_outputs.outside.metadata.error_kind).toBe("blocked");
  });

  it("treats any answer as success unless fail_on_status says otherwise; text answers stay text", async () => {
    const workflow = await createFromSteps(sim, [
      { step_id: "lenient", type: "http", url: `${api.url}/broken` },
      { step_id: "text", type: "http", url: `${api.url}/text` },
      { step_id: "strict", type: "http", url: `${api.url}/broken`, fail_on_status: "non_2xx" },
    ]);
    const execution = await run(sim, workflow.workflow_id as string);
    expect(statuses(execution)).toEqual({
      lenient: "completed",
      text: "completed",
      strict: "failed",
    });
    expect(execution.step_outputs.lenient.output.status_code).toBe(500);
    expect(execution.step_outputs.text.primary).toBe("plain words");
    expect(execution.step_outputs.strict.error).toMatch(/answered HTTP 500$/);
    expect(execution.step_outputs.strict.metadata.error_kind).toBe("server_error");
  });

  it("runs the official eachlabs-http-step model form, and chains a step output into an http body", async () => {
    const workflow = await createFromSteps(sim, [
      { step_id: "cfg", type: "pass", result: { label: "hello" } },
      {
        step_id: "call",
        type: "model",
        model: "eachlabs-http-step",
        params: {
          url: `${api.url}/model-form`,
          method: "PUT",
          body: { label: "{{cfg.label}} world" },
        },
      },
    ]);
    const execution = await run(sim, workflow.workflow_id as string);
    expect(execution.status).toBe("completed");
    const seen = api.seen.find((entry) => entry.url === "/model-form") as Seen;
    expect(seen.method).toBe("PUT");
    expect(JSON.parse(seen.body)).toEqual({ label: "hello world" });
    expect(execution.step_outputs.call.metadata.model).toBe("eachlabs-http-step");
  });
});
