import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSimulator, type TestSimulator } from "./helpers.js";
import {
  createFromSteps,
  run,
  statuses,
  trigger,
  waitForExecution,
  type Loose,
} from "./workflows-helpers.js";

const model = (id: string, prompt: string, extra: Loose = {}) => ({
  step_id: id,
  type: "model",
  model: "flux-2-pro",
  params: { prompt },
  ...extra,
});

describe("each::workflows engine semantics", () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator();
  });
  afterAll(() => sim.close());

  it("continue_on_error: a failed step is marked failed and the next steps still run", async () => {
    const workflow = await createFromSteps(sim, [
      model("flaky", "broken [[fail]]", { continue_on_error: true }),
      model("after", "still runs"),
    ]);
    const execution = await run(sim, workflow.workflow_id as string);
    expect(execution.status).toBe("completed");
    expect(statuses(execution)).toEqual({ flaky: "failed", after: "completed" });
    expect(execution.step_outputs.flaky).toMatchObject({
      error: "model flux-2-pro failed: model execution failed",
      output: null,
      metadata: { error_kind: "server_error", error_code: "EXECUTION_FAILED" },
    });
    expect(execution.output).toEqual(execution.step_outputs.after.output);
  });

  it("without continue_on_error a failed step fails the execution and the rest is skipped", async () => {
    const workflow = await createFromSteps(sim, [
      model("first", "broken [[fail]]"),
      model("second", "never"),
    ]);
    const execution = await run(sim, workflow.workflow_id as string);
    expect(execution.status).toBe("failed");
    expect(statuses(execution)).toEqual({ first: "failed", second: "skipped" });
    expect(execution).toMatchObject({
      error: "ExecutionFailed",
      error_cause: "Step 'first' failed: model flux-2-pro failed: model execution failed",
      output: null,
    });
  });

  it("retry: max_attempts re-runs a failed attempt after the (scaled) delay; [[fail-once]] then succeeds", async () => {
    const workflow = await createFromSteps(sim, [
      model("gen", "retry me [[fail-once]]", {
        retry: { max_attempts: 3, initial_delay_seconds: 2, backoff_multiplier: 2 },
      }),
    ]);
    const execution = await run(sim, workflow.workflow_id as string);
    expect(execution.status).toBe("completed");
    expect(execution.step_outputs.gen.metadata).toMatchObject({
      attempts: 2,
      retried_errors: [expect.stringMatching(/^model flux-2-pro failed: upstream provider failed/)],
    });
  });

  it("retry: retry_on limits which errors are retried, and a definition-level retry applies to every step", async () => {
    const onlyTimeouts = await createFromSteps(sim, [
      model("gen", "no retry [[fail]]", { retry: { max_attempts: 3, retry_on: ["timeout"] } }),
    ]);
    const once = await run(sim, onlyTimeouts.workflow_id as string);
    expect(once.step_outputs.gen.metadata.attempts).toBe(1);

    const everywhere = await createFromSteps(
      sim,
      [model("gen", "keeps failing [[fail]]")],
      undefined,
      {},
    );
    // A definition-level retry, via a new version.
    await fetch(`${sim.url}/workflows/api/v1/workflows/${everywhere.workflow_id}/versions/v2`, {
      method: "PUT",
      headers: { "Content-Type": "application/json", "X-API-Key": "sim_test_key" },
      body: JSON.stringify({
        definition: {
          version: "v2",
          retry: { max_attempts: 3, delay_seconds: 0.5, backoff: "fixed" },
          steps: [model("gen", "keeps failing [[fail]]")],
        },
      }),
    });
    const thrice = await run(sim, everywhere.workflow_id as string);
    expect(thrice.status).toBe("failed");
    expect(thrice.step_outputs.gen.metadata.attempts).toBe(3);
  });

  it("timeout_seconds on a model step cancels a prediction that runs too long and fails the step", async () => {
    const workflow = await createFromSteps(sim, [
      model("slow", "stuck [[hang]]", { timeout_seconds: 5 }),
    ]);
    const execution = await run(sim, workflow.workflow_id as string);
    expect(execution.status).toBe("failed");
    expect(execution.step_outputs.slow.error).toMatch(
      /^model flux-2-pro timed out after 5s \(prediction .* cancelled\)$/,
    );
    expect(execution.step_outputs.slow.metadata.error_kind).toBe("timeout");
    const prediction = await sim.waitForEnd(
      execution.step_outputs.slow.metadata.prediction_id as string,
    );
    expect(prediction.prediction.status).toBe("cancelled");
  });

  it("a failing step inside a parallel branch fails the execution naming that step, after the other branch finished", async () => {
    const workflow = await createFromSteps(sim, [
      {
        step_id: "fan",
        type: "parallel",
        branches: [
          { name: "good", steps: [model("ok", "fine")] },
          { name: "bad", steps: [model("boom", "broken [[fail:kaput]]"), model("never", "x")] },
        ],
      },
      model("after", "skipped"),
    ]);
    const execution = await run(sim, workflow.workflow_id as string);
    expect(execution.status).toBe("failed");
    expect(statuses(execution)).toEqual({
      fan: "failed",
      ok: "completed",
      boom: "failed",
      never: "skipped",
      after: "skipped",
    });
    expect(execution.error_cause).toBe("Step 'boom' failed: model flux-2-pro failed: kaput");
    expect(execution.step_outputs.fan.error).toBe(
      'branch "bad" failed: model flux-2-pro failed: kaput',
    );
  });

  it("nests: a choice inside a parallel branch, templates reading branch outputs after the parallel step", async () => {
    const workflow = await createFromSteps(
      sim,
      [
        {
          step_id: "fan",
          type: "parallel",
          branches: [
            { steps: [{ step_id: "count", type: "pass", result: "{{inputs.n}}" }] },
            {
              steps: [
                {
                  step_id: "pick",
                  type: "choice",
                  condition: {
                    or: [
                      { expression: "$.inputs.n", operator: "greater_than", value: 5 },
                      { not: { expression: "$.inputs.mode", operator: "exists" } },
                    ],
                  },
                  condition_met_branch: {
                    steps: [{ step_id: "big", type: "pass", result: "big" }],
                  },
                  default_branch: { steps: [{ step_id: "small", type: "pass", result: "small" }] },
                },
              ],
            },
          ],
        },
        {
          step_id: "sum",
          type: "pass",
          result: {
            n: "{{count.output}}",
            size: "{{pick.output}}",
            label: "n={{count.primary}} ({{pick.primary}})",
          },
        },
      ],
      { type: "object", properties: { n: { type: "integer" }, mode: { type: "string" } } },
    );
    const big = await run(sim, workflow.workflow_id as string, { n: 7, mode: "x" });
    expect(big.step_outputs.sum.output).toEqual({ n: 7, size: "big", label: "n=7 (big)" });
    expect(big.step_outputs.small.status).toBe("skipped");
    const small = await run(sim, workflow.workflow_id as string, { n: 2, mode: "x" });
    expect(small.step_outputs.sum.output).toEqual({ n: 2, size: "small", label: "n=2 (small)" });
    expect(statuses(small)).toMatchObject({
      big: "skipped",
      small: "completed",
      pick: "completed",
      fan: "completed",
    });
  });

  it("a template naming a step that was skipped fails the step that uses it", async () => {
    const workflow = await createFromSteps(sim, [
      {
        step_id: "pick",
        type: "choice",
        condition: { expression: "$.inputs.go", operator: "equals", value: true },
        condition_met_branch: { steps: [{ step_id: "made", type: "pass", result: "made" }] },
      },
      { step_id: "use", type: "pass", result: "{{made.output}}" },
    ]);
    const execution = await run(sim, workflow.workflow_id as string, { go: false });
    expect(statuses(execution)).toEqual({ pick: "completed", made: "skipped", use: "failed" });
    expect(execution.step_outputs.pick.selected).toBeNull();
    expect(execution.error_cause).toBe(
      `Step 'use' failed: {{made.output}} references step "made", which was skipped`,
    );
  });

  it("reports step statuses while running: pending → running → completed, with the prediction id while it runs", async () => {
    const workflow = await createFromSteps(sim, [
      model("one", "first [[slow]]"),
      model("two", "second"),
    ]);
    const id = await trigger(sim, workflow.workflow_id as string);
    const seen = new Set<string>();
    let runningPrediction: unknown;
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const body = (await (await sim.call(`/workflows/api/v1/executions/${id}`)).json()) as Loose;
      seen.add(`${body.step_outputs.one.status}/${body.step_outputs.two.status}`);
      if (
        body.step_outputs.one.status === "running" &&
        body.step_outputs.one.metadata.prediction_id !== undefined
      )
        runningPrediction = body.step_outputs.one.metadata.prediction_id;
      if (body.status === "completed") break;
    }
    expect(seen).toContain("running/pending");
    expect(seen).toContain("completed/completed");
    expect(runningPrediction).toEqual(expect.any(String));
  });
});

describe("each::workflows execution time limit", () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    // 15 minutes × 0.0005 = 450 ms.
    sim = await startTestSimulator({ timeFactor: 0.0005 });
  });
  afterAll(() => sim.close());

  it("fails an execution that runs past 15 minutes (× time factor) with ExecutionTimedOut, cancelling its prediction", async () => {
    const workflow = await createFromSteps(sim, [
      model("stuck", "forever [[hang]]"),
      model("next", "never"),
    ]);
    const id = await trigger(sim, workflow.workflow_id as string);
    const { execution } = await waitForExecution(sim, id);
    expect(execution).toMatchObject({
      status: "failed",
      error: "ExecutionTimedOut",
      error_cause: "workflow execution exceeded its time limit of 900s",
    });
    expect(statuses(execution)).toEqual({ stuck: "failed", next: "skipped" });
    expect(execution.step_outputs.stuck.error).toBe("workflow execution timed out");
    const prediction = await sim.waitForEnd(
      execution.step_outputs.stuck.metadata.prediction_id as string,
    );
    expect(prediction.prediction.status).toBe("cancelled");
  });
});
