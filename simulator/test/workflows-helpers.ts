import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { KEY, sleep, type TestSimulator } from "./helpers.js";

/** Reference paths (the reference's `https://workflows.eachlabs.run/api/v1`). */
export const REF = "/workflows/api/v1";
/** Official paths (`https://api.eachlabs.ai/v1/workflows`). */
export const OFF = "/v1/workflows";

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const FIXTURES = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "fixtures",
  "workflows",
);

export type Json = Record<string, unknown>;
// Test bodies are read loosely; each assertion states the shape it expects.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = Record<string, any>;

export function fixture(name: string): Loose {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), "utf8")) as Loose;
}

export async function json(
  sim: TestSimulator,
  pathname: string,
  init: Parameters<TestSimulator["call"]>[1] = {},
): Promise<{ status: number; body: Loose; headers: Headers }> {
  const response = await sim.call(pathname, init);
  const text = await response.text();
  let body: Loose = {};
  try {
    body = text === "" ? {} : (JSON.parse(text) as Loose);
  } catch {
    body = { raw: text };
  }
  return { status: response.status, body, headers: response.headers };
}

/** POST /workflows (reference path unless told otherwise); throws unless 201. */
export async function createWorkflow(
  sim: TestSimulator,
  body: Json,
  base = REF,
  key = KEY,
): Promise<Loose> {
  const created = await json(sim, `${base === REF ? `${REF}/workflows` : OFF}`, {
    method: "POST",
    json: body,
    key,
  });
  if (created.status !== 201)
    throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body;
}

/** A minimal valid definition around the given steps. */
export function definitionOf(steps: Json[], inputSchema?: Json): Json {
  return {
    version: "v1",
    ...(inputSchema === undefined ? {} : { input_schema: inputSchema }),
    steps,
  };
}

let counter = 0;
/** Creates a workflow with a unique name from steps. */
export async function createFromSteps(
  sim: TestSimulator,
  steps: Json[],
  inputSchema?: Json,
  extra: Json = {},
): Promise<Loose> {
  counter += 1;
  return createWorkflow(sim, {
    name: `Test workflow ${counter}`,
    description: "made by a test",
    categories: ["general"],
    definition: definitionOf(steps, inputSchema),
    ...extra,
  });
}

/** Reference trigger; returns the execution id (throws unless 202). */
export async function trigger(
  sim: TestSimulator,
  workflowId: string,
  inputs: Json = {},
  extra: Json = {},
  key = KEY,
): Promise<string> {
  const answer = await json(sim, `${REF}/${workflowId}/trigger`, {
    method: "POST",
    json: { inputs, ...extra },
    key,
  });
  if (answer.status !== 202)
    throw new Error(`trigger failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.execution_id as string;
}

const TERMINAL = new Set(["completed", "failed", "cancelled"]);

/** Polls GET /executions/{id} until terminal; returns the last body and every status seen. */
export async function waitForExecution(
  sim: TestSimulator,
  executionId: string,
  options: { base?: string; key?: string; timeoutMs?: number } = {},
): Promise<{ execution: Loose; statuses: string[] }> {
  const base = options.base ?? REF;
  const url =
    base === REF ? `${REF}/executions/${executionId}` : `${OFF}/executions/${executionId}`;
  const statuses: string[] = [];
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  while (Date.now() < deadline) {
    const { status, body } = await json(sim, url, { key: options.key ?? KEY });
    if (status !== 200) throw new Error(`GET ${url}: ${status} ${JSON.stringify(body)}`);
    if (statuses.at(-1) !== body.status) statuses.push(body.status as string);
    if (TERMINAL.has(body.status as string)) return { execution: body, statuses };
    await sleep(10);
  }
  throw new Error(`execution ${executionId} did not finish; saw ${statuses.join(" → ")}`);
}

/** Trigger and wait. */
export async function run(
  sim: TestSimulator,
  workflowId: string,
  inputs: Json = {},
  extra: Json = {},
): Promise<Loose> {
  const id = await trigger(sim, workflowId, inputs, extra);
  return (await waitForExecution(sim, id)).execution;
}

/** `{step_id: status}` of an execution. */
export function statuses(execution: Loose): Record<string, string> {
  return Object.fromEntries(
    Object.entries(execution.step_outputs as Record<string, Loose>).map(([id, step]) => [
      id,
      step.status as string,
    ]),
  );
}
