import { ensurePreviews } from "../gallery/ensure-previews";
import "server-only";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { kindOf } from "../shared/media-kind";
import { copyRemoteFile } from "../storage/fetch-remote";

// The platform's URLs expire; our copies do not. The same limits as run outputs.
const MAX_MEDIA_BYTES = 600 * 1024 * 1024;
const COPY_TIMEOUT_MS = 10 * 60 * 1000;
/** A copier holds a row this long; past it, another may try (the first one died). */
const CLAIM_MS = COPY_TIMEOUT_MS + 60_000;
export const MAX_ATTEMPTS = 5;
/** The sweeper leaves fresh rows to the relay that recorded them. */
const SWEEP_AFTER_MS = 30_000;
const SWEEP_WITHIN_MS = 24 * 3_600_000;

export type ChatMediaInput = {
  messageId: string;
  userId: string;
  position: number;
  url: string;
  modelSlug: string | null;
  prompt: string | null;
  inputs: { conversationId: string; messageId: string; mode: string; behavior: string };
};

/** Records media URLs to copy; one row per message and position, so repeats are harmless. */
export async function recordChatMedia(rows: ChatMediaInput[]): Promise<void> {
  if (rows.length === 0) return;
  await db().chatMedia.createMany({
    data: rows.map((row) => ({ ...row, inputs: row.inputs as Prisma.InputJsonValue })),
    skipDuplicates: true,
  });
}

function retryDelayMs(attempts: number): number {
  return Math.min(30 * 60_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

type Row = Awaited<ReturnType<typeof pendingRows>>[number];

function pendingRows(where: Prisma.ChatMediaWhereInput, take?: number) {
  const now = new Date();
  return db().chatMedia.findMany({
    where: {
      ...where,
      savedAt: null,
      attempts: { lt: MAX_ATTEMPTS },
      OR: [{ retryAt: null }, { retryAt: { lt: now } }],
    },
    orderBy: [{ createdAt: "asc" }, { position: "asc" }],
    ...(take ? { take } : {}),
  });
}

/**
 * Copies one URL into our storage and records it as a gallery asset (source "chat"). A claim
 * on the row keeps two copiers (this relay, a sweeper, another instance) from copying it
 * twice; an asset already made for this message and URL (a copier that died before marking
 * the row) is reused.
 */
async function copyOne(row: Row): Promise<void> {
  const now = new Date();
  const claimed = await db().chatMedia.updateMany({
    where: { id: row.id, savedAt: null, OR: [{ retryAt: null }, { retryAt: { lt: now } }] },
    data: { retryAt: new Date(now.getTime() + CLAIM_MS), attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return;
  try {
    const existing = await db().asset.findFirst({
      where: {
        userId: row.userId,
        source: "chat",
        sourceUrl: row.url,
        inputs: { path: ["messageId"], equals: row.messageId },
      },
      select: { id: true },
    });
    let assetId = existing?.id;
    if (!assetId) {
      const copied = await copyRemoteFile(row.url, {
        maxBytes: MAX_MEDIA_BYTES,
        timeoutMs: COPY_TIMEOUT_MS,
      });
      const asset = await db().asset.create({
        data: {
          userId: row.userId,
          source: "chat",
          kind: kindOf(copied.contentType),
          contentType: copied.contentType,
          storageKey: copied.key,
          byteSize: copied.byteSize,
          sourceUrl: row.url,
          position: row.position,
          modelSlug: row.modelSlug,
          prompt: row.prompt,
          inputs: row.inputs ?? undefined,
        },
        select: { id: true },
      });
      assetId = asset.id;
      // Thumbnails, poster, waveform for the gallery (never throws).
      await ensurePreviews(asset.id);
    }
    await db().chatMedia.update({
      where: { id: row.id },
      data: { assetId, savedAt: new Date(), retryAt: null, lastError: null },
    });
  } catch (error) {
    console.error("chat: copying media failed", row.url, error);
    await db()
      .chatMedia.updateMany({
        where: { id: row.id, savedAt: null },
        data: {
          lastError: String((error as Error).message ?? error).slice(0, 500),
          retryAt: new Date(Date.now() + retryDelayMs(row.attempts + 1)),
        },
      })
      .catch(() => undefined);
  }
}

const globalForMedia = globalThis as typeof globalThis & {
  __senseMediaQueue?: Map<string, Promise<void>>;
};
globalForMedia.__senseMediaQueue ??= new Map();
const queue = globalForMedia.__senseMediaQueue;

/**
 * Copies every pending URL of a message. Calls for one message run one after another in this
 * process, each looking afresh, so a URL recorded while a copy runs is not missed. Never
 * throws.
 */
export function saveChatMedia(messageId: string): Promise<void> {
  const previous = queue.get(messageId) ?? Promise.resolve();
  const next = previous
    .then(async () => {
      for (const row of await pendingRows({ messageId })) await copyOne(row);
    })
    .catch((error: unknown) => console.error("chat: saving media failed", messageId, error))
    .finally(() => {
      if (queue.get(messageId) === next) queue.delete(messageId);
    });
  queue.set(messageId, next);
  return next;
}

/**
 * For the sweeper: finishes copies that did not complete (a restart mid-copy, an upstream
 * hiccup), a few per call, retrying each with backoff up to MAX_ATTEMPTS times.
 */
export async function finishPendingChatMedia(now = Date.now(), limit = 5): Promise<number> {
  const rows = await pendingRows(
    {
      createdAt: { lt: new Date(now - SWEEP_AFTER_MS), gt: new Date(now - SWEEP_WITHIN_MS) },
    },
    limit,
  );
  for (const messageId of new Set(rows.map((row) => row.messageId))) await saveChatMedia(messageId);
  return rows.length;
}
