// The run lifecycle against the real simulator process and a real (embedded) database:
// a run is recorded before upstream is called, finishes without anyone watching, keeps
// its outputs, and converges on one final state however reports race or repeat.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Db from "@/lib/db";
import type * as Apply from "@/lib/runs/apply-prediction";
import type * as Create from "@/lib/runs/create-run";
import type * as Queries from "@/lib/runs/queries";
import type * as Save from "@/lib/runs/save-outputs";
import type * as Sweeper from "@/lib/runs/sweeper";
import { startServerEnvironment, type ServerEnvironment } from "../support/server-environment";

let server: ServerEnvironment;
let dataDir = "";
let simulatorUrl = "";

// Imported after the environment is set (the modules read it once).
type Lib = {
  db: typeof Db.db;
  createRun: typeof Create.createRun;
  sweep: typeof Sweeper.sweep;
  applyPredictionReport: typeof Apply.applyPredictionReport;
  saveRunOutputs: typeof Save.saveRunOutputs;
  findRun: typeof Queries.findRun;
};
let lib: Lib;
let user: { id: string; email: string; name: string | null };

beforeAll(async () => {
  server = await startServerEnvironment({ simulatorArgs: ["--time-factor", "0.1"] });
  ({ dataDir, simulatorUrl } = server);
  lib = {
    db: (await import("@/lib/db")).db,
    createRun: (await import("@/lib/runs/create-run")).createRun,
    sweep: (await import("@/lib/runs/sweeper")).sweep,
    applyPredictionReport: (await import("@/lib/runs/apply-prediction")).applyPredictionReport,
    saveRunOutputs: (await import("@/lib/runs/save-outputs")).saveRunOutputs,
    findRun: (await import("@/lib/runs/queries")).findRun,
  };
  user = await lib.db().user.create({
    data: { email: "lifecycle@example.test" },
    select: { id: true, email: true, name: true },
  });
}, 60_000);

afterAll(async () => {
  await lib?.db().$disconnect();
  await server?.stop();
});

async function untilFinished(runId: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await lib.sweep();
    const run = await lib.findRun(user.id, runId);
    if (run && ["failed", "cancelled"].includes(run.status)) return run;
    if (run?.status === "succeeded" && run.outputsSaved) return run;
    if (Date.now() > deadline) throw new Error(`run still ${run?.status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("a run nobody watches", () => {
  it("finishes through the sweeper and keeps its images in our storage", async () => {
    const { id: runId } = await lib.createRun(user, {
      model: "flux-2-max",
      input: { prompt: "a lighthouse", num_outputs: 2, aspect_ratio: "16:9", seed: 7 },
    });
    const run = await untilFinished(runId);
    expect(run.status).toBe("succeeded");
    expect(run.assets).toHaveLength(2);
    for (const asset of run.assets) {
      expect(asset.contentType).toBe("image/png");
      const row = await lib.db().asset.findUniqueOrThrow({ where: { id: asset.id } });
      const file = path.join(dataDir, "media", row.storageKey.slice(0, 2), row.storageKey);
      expect(fs.readFileSync(file).subarray(1, 4).toString()).toBe("PNG");
    }
  });

  it("records a failed prediction with upstream's logs", async () => {
    const { id: runId } = await lib.createRun(user, {
      model: "flux-2-pro",
      input: { prompt: "a boat [[fail:GPU on fire]]" },
    });
    const run = await untilFinished(runId);
    expect(run.status).toBe("failed");
    expect(run.logs).toContain("GPU on fire");
  });
});

describe("reports that race or repeat", () => {
  it("converge on one final state and one set of assets", async () => {
    const { id: runId } = await lib.createRun(user, {
      model: "flux-2-pro",
      input: { prompt: "a fox", seed: 1 },
    });
    const finished = await untilFinished(runId);
    const output = (await lib.db().run.findUniqueOrThrow({ where: { id: runId } })).output;

    // A duplicate webhook, a late failure and a racing poll all arrive after the fact.
    await Promise.all([
      lib.applyPredictionReport(runId, { status: "success", output }),
      lib.applyPredictionReport(runId, { status: "failed", logs: "late and wrong" }),
      lib.saveRunOutputs(runId),
      lib.saveRunOutputs(runId),
    ]);
    const after = await lib.findRun(user.id, runId);
    expect(after?.status).toBe("succeeded");
    expect(after?.logs).toBe(finished.logs);
    expect(after?.assets.map((a) => a.id)).toEqual(finished.assets.map((a) => a.id));
  });

  it("fills in predict time and cost when the finishing report had none (official webhooks)", async () => {
    const { id: runId } = await lib.createRun(user, {
      model: "flux-2-pro",
      input: { prompt: "a heron", seed: 3 },
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const upstream = await (await fetch(`${simulatorUrl}/__simulator/predictions`)).json();
    const prediction = (upstream.predictions ?? upstream).find(
      (p: { input?: { prompt?: string } }) => p.input?.prompt === "a heron",
    );
    await lib.applyPredictionReport(runId, { status: "succeeded", output: prediction.output });
    await lib.saveRunOutputs(runId);
    const run = await lib.findRun(user.id, runId);
    expect(run?.outputsSaved).toBe(true);
    expect(run?.predictTime).toBeGreaterThan(0);
    expect(run?.cost).toBeGreaterThan(0);
  });

  it("never moves a run backwards", async () => {
    const { id: runId } = await lib.createRun(user, {
      model: "flux-2-pro",
      input: { prompt: "a slow owl [[hang]]" },
    });
    await lib.applyPredictionReport(runId, { status: "processing" });
    await lib.applyPredictionReport(runId, { status: "starting" });
    expect((await lib.findRun(user.id, runId))?.status).toBe("processing");
    await lib.applyPredictionReport(runId, { status: "cancelled" });
    await lib.applyPredictionReport(runId, {
      status: "success",
      output: "https://late.example/x.png",
    });
    expect((await lib.findRun(user.id, runId))?.status).toBe("cancelled");
  });
});

describe("a refused input", () => {
  it("is refused before anything is recorded or spent", async () => {
    const before = await lib.db().run.count();
    await expect(
      lib.createRun(user, { model: "flux-2-max", input: { prompt: "x", num_outputs: 9 } }),
    ).rejects.toMatchObject({
      code: "unprocessable:input",
      extra: { fields: { num_outputs: "Must be at most 4." } },
    });
    expect(await lib.db().run.count()).toBe(before);
  });
});
