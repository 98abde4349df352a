import "server-only";
import { Readable } from "node:stream";
import { db } from "../db";
import { kindOf } from "../shared/media-kind";
import { outputItems } from "../shared/run-output";
import { copyRemoteFile } from "../storage/fetch-remote";
import { mediaStore } from "../storage";
import { ensurePreviews } from "../gallery/ensure-previews";
import { fillMissingMetrics } from "./refresh-run";

// The platform's own URLs expire; ours do not. Video may be up to 500 MB (reference limits).
const MAX_OUTPUT_BYTES = 600 * 1024 * 1024;
const COPY_TIMEOUT_MS = 10 * 60 * 1000;

async function storeText(text: string, contentType: string) {
  return mediaStore().put(Readable.from([Buffer.from(text, "utf8")]), {
    contentType,
    maxBytes: MAX_OUTPUT_BYTES,
  });
}

/** The words a person will search their gallery by. */
function promptOf(input: unknown): string | null {
  const record = (input ?? {}) as Record<string, unknown>;
  const text = [record.prompt, record.text, record.lyrics].find(
    (value) => typeof value === "string" && value.trim(),
  );
  return typeof text === "string" ? text : null;
}

const inProgress = new Map<string, Promise<void>>();

/** Like saveOutputsOnce, sharing one copy per run within this process. */
export function saveRunOutputs(runId: string): Promise<void> {
  let pending = inProgress.get(runId);
  if (!pending) {
    pending = saveOutputsOnce(runId).finally(() => inProgress.delete(runId));
    inProgress.set(runId, pending);
  }
  return pending;
}

/**
 * Copies every output of a succeeded run into our storage and records each as an asset.
 * Idempotent: outputs already saved are skipped, so a webhook, a poll and the sweeper may
 * all call it and converge on one set of assets.
 */
async function saveOutputsOnce(runId: string): Promise<void> {
  const run = await db().run.findUnique({
    where: { id: runId },
    select: {
      id: true,
      userId: true,
      status: true,
      output: true,
      outputsSavedAt: true,
      modelSlug: true,
      input: true,
      cost: true,
      assets: { select: { position: true } },
    },
  });
  if (!run || run.status !== "succeeded" || run.outputsSavedAt) return;
  const saved = new Set(run.assets.map((asset) => asset.position));

  const items = outputItems(run.output);
  for (const [position, item] of items.entries()) {
    if (saved.has(position)) continue;
    let stored: { key: string; byteSize: number; contentType: string; sourceUrl: string | null };
    if (item.type === "url") {
      const copied = await copyRemoteFile(item.url, {
        maxBytes: MAX_OUTPUT_BYTES,
        timeoutMs: COPY_TIMEOUT_MS,
      });
      stored = {
        key: copied.key,
        byteSize: copied.byteSize,
        contentType: copied.contentType,
        sourceUrl: item.url,
      };
    } else {
      const contentType = item.type === "text" ? "text/plain; charset=utf-8" : "application/json";
      const text = item.type === "text" ? item.text : JSON.stringify(item.value, null, 2);
      const put = await storeText(text, contentType);
      stored = { key: put.key, byteSize: put.byteSize, contentType, sourceUrl: null };
    }
    const asset = await db().asset.upsert({
      where: { runId_position: { runId: run.id, position } },
      update: {},
      select: { id: true },
      create: {
        userId: run.userId,
        runId: run.id,
        source: "run",
        kind: kindOf(stored.contentType),
        contentType: stored.contentType,
        storageKey: stored.key,
        byteSize: stored.byteSize,
        sourceUrl: stored.sourceUrl,
        position,
        modelSlug: run.modelSlug,
        prompt: promptOf(run.input),
        inputs: run.input ?? undefined,
        cost: run.cost,
      },
    });
    // Thumbnails, poster, waveform: the gallery shows these, never the whole file.
    await ensurePreviews(asset.id);
  }
  // Before the run counts as complete: the official webhook has no figures, so ask for them.
  await fillMissingMetrics(run.id).catch(() => undefined);
  await db().run.updateMany({
    where: { id: run.id, outputsSavedAt: null },
    data: { outputsSavedAt: new Date() },
  });
}
