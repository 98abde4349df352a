import "server-only";
import { db } from "../db";
import { ensurePreviews } from "../gallery/ensure-previews";
import { kindOf } from "../shared/media-kind";
import { outputUrls } from "../shared/run-output";
import {
  allSteps,
  isRecord,
  isTerminalExecution,
  stepIdOf,
  stepOutputsById,
} from "../shared/workflow-types";
import { copyRemoteFile } from "../storage/fetch-remote";
import { completeFinalDetails } from "./refresh-execution";

// The platform's URLs expire; our copies do not. The same limits as run outputs.
const MAX_MEDIA_BYTES = 600 * 1024 * 1024;
const COPY_TIMEOUT_MS = 10 * 60 * 1000;
/** A copier holds a row this long; past it, another may try (the first one died). */
const CLAIM_MS = COPY_TIMEOUT_MS + 60_000;
const MAX_ATTEMPTS = 5;
/** The final output's URLs that no step reported are filed under this step id. */
export const FINAL_OUTPUT_STEP = "output";

type MediaRow = {
  stepId: string;
  position: number;
  url: string;
  modelSlug: string | null;
  prompt: string | null;
  cost: number | null;
};

function promptOf(...sources: unknown[]): string | null {
  for (const source of sources) {
    if (!isRecord(source)) continue;
    const found = [source.prompt, source.text, source.lyrics].find(
      (value) => typeof value === "string" && value.trim(),
    );
    if (typeof found === "string") return found;
  }
  return null;
}

/**
 * Every media URL an execution produced: each completed model step's output (the steps that
 * make media; http/python/pass outputs are data), then the final output's URLs no step
 * reported. One URL is filed once.
 */
export function mediaOf(execution: {
  definition: unknown;
  stepOutputs: unknown;
  output: unknown;
  inputs: unknown;
}): MediaRow[] {
  const reports = stepOutputsById(execution.stepOutputs);
  const steps = isRecord(execution.definition) ? allSteps(execution.definition) : [];
  const order = [
    ...steps.map(stepIdOf),
    ...Object.keys(reports).filter((id) => !steps.some((s) => stepIdOf(s) === id)),
  ];
  const seen = new Set<string>();
  const rows: MediaRow[] = [];
  for (const stepId of order) {
    const report = reports[stepId];
    const step = steps.find((s) => stepIdOf(s) === stepId);
    const kind = report?.kind ?? step?.type;
    if (
      !report ||
      kind !== "model" ||
      !/^(completed|succeeded|success)$/i.test(String(report.status))
    )
      continue;
    const metadata = isRecord(report.metadata) ? report.metadata : {};
    const modelSlug = typeof metadata.model === "string" ? metadata.model : (step?.model ?? null);
    const prompt = promptOf(metadata.params, step?.params, execution.inputs);
    const cost = typeof metadata.cost === "number" ? metadata.cost : null;
    let position = 0;
    for (const url of outputUrls(report.output)) {
      if (seen.has(url)) continue;
      seen.add(url);
      rows.push({ stepId, position: position++, url, modelSlug, prompt, cost });
    }
  }
  let position = 0;
  for (const url of outputUrls(execution.output)) {
    if (seen.has(url)) continue;
    seen.add(url);
    rows.push({
      stepId: FINAL_OUTPUT_STEP,
      position: position++,
      url,
      modelSlug: null,
      prompt: promptOf(execution.inputs),
      cost: null,
    });
  }
  return rows;
}

type FileRow = Awaited<ReturnType<typeof pendingFiles>>[number];

function pendingFiles(executionId: string) {
  const now = new Date();
  return db().workflowOutputFile.findMany({
    where: {
      executionId,
      savedAt: null,
      attempts: { lt: MAX_ATTEMPTS },
      OR: [{ retryAt: null }, { retryAt: { lt: now } }],
    },
    orderBy: [{ createdAt: "asc" }, { position: "asc" }],
  });
}

/** Copies one URL and files it as a gallery asset (source "workflow"), once, under a claim. */
async function copyOne(file: FileRow, workflowId: string | null): Promise<void> {
  const now = new Date();
  const claimed = await db().workflowOutputFile.updateMany({
    where: { id: file.id, savedAt: null, OR: [{ retryAt: null }, { retryAt: { lt: now } }] },
    data: { retryAt: new Date(now.getTime() + CLAIM_MS), attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return;
  try {
    const inputs = { workflowId, executionId: file.executionId, stepId: file.stepId };
    // A copier that died after making the asset but before marking the row.
    const existing = await db().asset.findFirst({
      where: {
        userId: file.userId,
        source: "workflow",
        sourceUrl: file.url,
        position: file.position,
        AND: [
          { inputs: { path: ["executionId"], equals: file.executionId } },
          { inputs: { path: ["stepId"], equals: file.stepId } },
        ],
      },
      select: { id: true },
    });
    let assetId = existing?.id;
    if (!assetId) {
      const copied = await copyRemoteFile(file.url, {
        maxBytes: MAX_MEDIA_BYTES,
        timeoutMs: COPY_TIMEOUT_MS,
      });
      const asset = await db().asset.create({
        data: {
          userId: file.userId,
          source: "workflow",
          kind: kindOf(copied.contentType),
          contentType: copied.contentType,
          storageKey: copied.key,
          byteSize: copied.byteSize,
          sourceUrl: file.url,
          position: file.position,
          modelSlug: file.modelSlug,
          prompt: file.prompt,
          inputs,
          cost: file.cost,
        },
        select: { id: true },
      });
      assetId = asset.id;
      // Thumbnails, poster, waveform for the gallery (never throws).
      await ensurePreviews(asset.id);
    }
    await db().workflowOutputFile.update({
      where: { id: file.id },
      data: { assetId, savedAt: new Date(), retryAt: null, lastError: null },
    });
  } catch (error) {
    console.error("workflows: copying an output failed", file.url, error);
    await db()
      .workflowOutputFile.updateMany({
        where: { id: file.id, savedAt: null },
        data: {
          lastError: String((error as Error).message ?? error).slice(0, 500),
          retryAt: new Date(Date.now() + Math.min(30 * 60_000, 30_000 * 2 ** file.attempts)),
        },
      })
      .catch(() => undefined);
  }
}

async function saveOnce(executionId: string): Promise<void> {
  await completeFinalDetails(executionId).catch((error: unknown) =>
    console.error("workflows: reading the final state failed", executionId, error),
  );
  const execution = await db().workflowExecution.findUnique({ where: { id: executionId } });
  if (!execution || !isTerminalExecution(execution.status) || execution.outputsSavedAt) return;
  const media = mediaOf(execution);
  if (media.length > 0)
    await db().workflowOutputFile.createMany({
      data: media.map((row) => ({ ...row, executionId, userId: execution.userId })),
      skipDuplicates: true,
    });
  for (const file of await pendingFiles(executionId)) await copyOne(file, execution.workflowId);
  // Done when every file is saved or has used up its attempts.
  const open = await db().workflowOutputFile.count({
    where: { executionId, savedAt: null, attempts: { lt: MAX_ATTEMPTS } },
  });
  if (open === 0)
    await db().workflowExecution.updateMany({
      where: { id: executionId, outputsSavedAt: null },
      data: { outputsSavedAt: new Date() },
    });
}

const globalForOutputs = globalThis as typeof globalThis & {
  __workflowOutputs?: Map<string, Promise<void>>;
};
globalForOutputs.__workflowOutputs ??= new Map();
const inProgress = globalForOutputs.__workflowOutputs;

/**
 * Copies every media URL of a finished execution (completed, or failed after some steps
 * made something) into storage as gallery assets. Idempotent per execution, step and
 * position: a webhook, a poll and the sweeper may all call it. One copy per execution in this
 * process; claims keep other instances from copying the same file. Never throws.
 */
export function saveExecutionOutputs(executionId: string): Promise<void> {
  let pending = inProgress.get(executionId);
  if (!pending) {
    pending = saveOnce(executionId)
      .catch((error: unknown) =>
        console.error("workflows: saving outputs failed", executionId, error),
      )
      .finally(() => inProgress.delete(executionId));
    inProgress.set(executionId, pending);
  }
  return pending;
}
