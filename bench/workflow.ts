// A 20-step workflow with a 4-way parallel step (16 model steps in a row, then 4 at once):
// (1) the simulator engine's overhead per step beyond the model time (step duration minus
// its prediction's duration, from the engine's and the predictions' own timestamps), and
// (2) how soon the app's execution page shows a step as done after the engine finished it
// (a MutationObserver in Chromium notes each change of a step's data-status).
//
//   npx tsx bench/workflow.ts
import { startAppInstance } from "../e2e/support/app-instance";
import { launchChromium, signedInContext } from "./lib/browser";
import { signedInCookie } from "./lib/session";
import { median, percentile, printTable } from "./lib/stats";

const SEQUENTIAL = 16;
const PARALLEL = 4;
const MODEL_MS = 1000;

function definition() {
  const steps: Record<string, unknown>[] = [];
  for (let i = 1; i <= SEQUENTIAL; i++) {
    steps.push({
      step_id: `s${i}`,
      type: "model",
      model: "flux-2-pro",
      params: { prompt: `bench step s${i} {{inputs.subject}}` },
    });
  }
  steps.push({
    step_id: "fan",
    type: "parallel",
    branches: Array.from({ length: PARALLEL }, (_, b) => ({
      name: `Branch ${b + 1}`,
      steps: [
        {
          step_id: `p${b + 1}`,
          type: "model",
          model: "flux-2-pro",
          params: { prompt: `bench step p${b + 1} {{inputs.subject}}` },
        },
      ],
    })),
  });
  return {
    version: "v1",
    input_schema: {
      type: "object",
      properties: { subject: { type: "string" } },
      required: ["subject"],
    },
    steps,
  };
}

type StepOutput = {
  step_id: string;
  status: string;
  started_at: string | null;
  completed_at: string | null;
};
type Prediction = { input: { prompt?: string }; created_at: string; completed_at: string | null };

async function main() {
  const app = await startAppInstance({
    name: "bench",
    dialect: "reference",
    simulatorArgs: `--quiet --durations image=${MODEL_MS}`,
  });
  const browser = await launchChromium();
  try {
    const cookie = await signedInCookie(app.baseURL);
    const headers = { Cookie: cookie, "Content-Type": "application/json" };
    const created = await fetch(`${app.baseURL}/api/workflows`, {
      method: "POST",
      headers,
      body: JSON.stringify({ name: `Bench ${Date.now()}`, definition: definition() }),
    });
    if (!created.ok) throw new Error(`create failed: ${created.status} ${await created.text()}`);
    const { workflow } = (await created.json()) as { workflow: { id: string } };

    const context = await signedInContext(browser, app.baseURL, cookie);
    const page = await context.newPage();
    await page.addInitScript(() => {
      const seen: Record<string, number> = {};
      (window as unknown as { __doneAt: Record<string, number> }).__doneAt = seen;
      new MutationObserver(() => {
        for (const element of document.querySelectorAll<HTMLElement>(
          "[data-step-id][data-status='done']",
        )) {
          const id = element.dataset.stepId!;
          seen[id] ??= performance.timeOrigin + performance.now();
        }
      }).observe(document, {
        subtree: true,
        attributes: true,
        childList: true,
        attributeFilter: ["data-status"],
      });
    });

    const triggered = await fetch(`${app.baseURL}/api/workflows/${workflow.id}/trigger`, {
      method: "POST",
      headers,
      body: JSON.stringify({ inputs: { subject: `a lighthouse ${Date.now()}` } }),
    });
    if (!triggered.ok)
      throw new Error(`trigger failed: ${triggered.status} ${await triggered.text()}`);
    const { execution } = (await triggered.json()) as { execution: { id: string } };
    await page.goto(`${app.baseURL}/workflows/executions/${execution.id}`);
    await page.waitForFunction(
      (count) =>
        Object.keys((window as unknown as { __doneAt: Record<string, number> }).__doneAt).length >=
        count,
      SEQUENTIAL + PARALLEL,
      { timeout: 120_000 },
    );
    const doneAt = await page.evaluate(
      () => (window as unknown as { __doneAt: Record<string, number> }).__doneAt,
    );

    const { executions } = (await (
      await fetch(`${app.simulatorURL}/__simulator/executions`)
    ).json()) as { executions: { step_outputs: Record<string, StepOutput> }[] };
    const steps = Object.values(executions[0]!.step_outputs).filter((s) =>
      /^[sp]\d+$/.test(s.step_id),
    );
    const { predictions } = (await (
      await fetch(`${app.simulatorURL}/__simulator/predictions`)
    ).json()) as { predictions: Prediction[] };
    const overheads: number[] = [];
    const pageLatency: number[] = [];
    for (const s of steps) {
      const prediction = predictions.find((p) =>
        p.input.prompt?.startsWith(`bench step ${s.step_id} `),
      );
      if (!prediction?.completed_at || !s.started_at || !s.completed_at) continue;
      const stepMs = Date.parse(s.completed_at) - Date.parse(s.started_at);
      const modelMs = Date.parse(prediction.completed_at) - Date.parse(prediction.created_at);
      overheads.push(stepMs - modelMs);
      const shown = doneAt[s.step_id];
      if (shown) pageLatency.push(shown - Date.parse(s.completed_at));
    }
    printTable(
      `A ${SEQUENTIAL + PARALLEL}-step workflow (${SEQUENTIAL} in a row, then ${PARALLEL} in parallel), model steps of ${MODEL_MS} ms`,
      [
        { measure: "steps measured", value: String(overheads.length) },
        {
          measure: "engine overhead per step beyond the model (median / p95 / max)",
          value: `${median(overheads).toFixed(1)} / ${percentile(overheads, 95).toFixed(1)} / ${Math.max(...overheads).toFixed(1)} ms`,
        },
        {
          measure: "step done → execution page shows it (median / p95 / max)",
          value: `${median(pageLatency).toFixed(0)} / ${percentile(pageLatency, 95).toFixed(0)} / ${Math.max(...pageLatency).toFixed(0)} ms`,
        },
      ],
    );
  } finally {
    await browser.close();
    await app.stop();
  }
}

void main();
