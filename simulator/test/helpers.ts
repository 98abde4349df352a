import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { startSimulator, type RunningSimulator } from "../src/server.js";
import type { SimulatorOptions } from "../src/options.js";

export const KEY = "sim_test_key";
export const OTHER_KEY = "sim_other_key";

export interface TestSimulator {
  url: string;
  sim: RunningSimulator;
  /** fetch against the simulator; sends KEY unless `key` is null or another key. */
  call(pathname: string, init?: CallInit): Promise<Response>;
  /** POST /v1/prediction (with version "1.0.0" unless told otherwise) and return the new id. */
  create(
    model: string,
    input: Record<string, unknown>,
    extra?: Record<string, unknown>,
  ): Promise<string>;
  /** Poll until the prediction is terminal; returns the final object and every status seen. */
  waitForEnd(id: string, key?: string): Promise<{ prediction: Prediction; statuses: string[] }>;
  control(patch: Record<string, unknown>): Promise<Response>;
  close(): Promise<void>;
}

export interface CallInit extends Omit<RequestInit, "body"> {
  key?: string | null;
  auth?: "x-api-key" | "bearer";
  json?: unknown;
  body?: RequestInit["body"];
}

export interface Prediction {
  id: string;
  status: string;
  input: Record<string, unknown>;
  output: unknown;
  logs: string | null;
  metrics: { predict_time: number | null; cost: number | null };
  urls: { cancel: string; get: string };
}

const TERMINAL = new Set(["success", "failed", "cancelled", "error"]);

/** Starts a simulator in-process on a free port, fast and quiet, with its own media folder. */
export async function startTestSimulator(options: SimulatorOptions = {}): Promise<TestSimulator> {
  const mediaDir = options.mediaDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "eachlabs-sim-test-"));
  const sim = await startSimulator({
    port: 0,
    keys: [KEY, OTHER_KEY],
    timeFactor: 0.01,
    // Tests poll hard; the rate-limit tests set their own limits.
    rateLimit: 1_000_000,
    concurrency: 1_000,
    log: () => undefined,
    ...options,
    mediaDir,
  });
  const call = (pathname: string, init: CallInit = {}): Promise<Response> => {
    const { key = KEY, auth = "x-api-key", json, headers, ...rest } = init;
    const merged = new Headers(headers);
    if (key !== null) {
      if (auth === "bearer") merged.set("Authorization", `Bearer ${key}`);
      else merged.set("X-API-Key", key);
    }
    if (json !== undefined) merged.set("Content-Type", "application/json");
    return fetch(`${sim.url}${pathname}`, {
      ...rest,
      headers: merged,
      body: json === undefined ? rest.body : JSON.stringify(json),
    });
  };
  const create = async (
    model: string,
    input: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ): Promise<string> => {
    const response = await call("/v1/prediction", {
      method: "POST",
      json: { model, version: "1.0.0", input, ...extra },
    });
    const body = (await response.json()) as { predictionID?: string };
    if (response.status >= 300 || body.predictionID === undefined) {
      throw new Error(`create ${model} failed: ${response.status} ${JSON.stringify(body)}`);
    }
    return body.predictionID;
  };
  const waitForEnd = async (
    id: string,
    key = KEY,
  ): Promise<{ prediction: Prediction; statuses: string[] }> => {
    const statuses: string[] = [];
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const prediction = (await (await call(`/v1/prediction/${id}`, { key })).json()) as Prediction;
      if (statuses.at(-1) !== prediction.status) statuses.push(prediction.status);
      if (TERMINAL.has(prediction.status)) return { prediction, statuses };
      await sleep(5);
    }
    throw new Error(`prediction ${id} did not finish; saw ${statuses.join(" → ")}`);
  };
  return {
    url: sim.url,
    sim,
    call,
    create,
    waitForEnd,
    control: (patch) =>
      fetch(`${sim.url}/__simulator/config`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(patch),
      }),
    close: async () => {
      await sim.close();
      if (options.mediaDir === undefined) fs.rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function until<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await sleep(10);
  }
  throw new Error("condition not met in time");
}

export interface ReceivedWebhook {
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

/** A local webhook receiver; `respond(n)` gives the status for the n-th request (0-based). */
export async function startReceiver(respond: (index: number) => number = () => 200): Promise<{
  url: string;
  received: ReceivedWebhook[];
  close(): Promise<void>;
}> {
  const received: ReceivedWebhook[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const index = received.length;
      received.push({
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: Date.now(),
      });
      res.writeHead(respond(index), { "Content-Type": "text/plain" });
      res.end(index === 0 ? "first" : "ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(data: Buffer): { width: number; height: number } {
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

export async function download(
  url: string,
  init?: RequestInit,
): Promise<{ response: Response; data: Buffer }> {
  const response = await fetch(url, init);
  return { response, data: Buffer.from(await response.arrayBuffer()) };
}
