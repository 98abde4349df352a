import "server-only";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { ChatMessageError } from "../shared/sense-types";
import { finishPendingChatMedia } from "./chat-media";
import { senseIdleTimeoutMs } from "./config";
import { liveMessageIds } from "./live-streams";

const RESTART_ERROR: ChatMessageError = {
  code: "interrupted:restart",
  message: "The server restarted while this answer was streaming. What arrived is kept.",
};

/**
 * For the sweeper: `streaming` messages whose row nobody touched for longer than the idle
 * timeout lost their relay (a live relay touches it every few seconds), typically because
 * the server restarted mid-stream. They become `interrupted`, keeping what arrived. Streams
 * this process relays are never touched. Returns how many were marked.
 */
export async function markStaleStreamsInterrupted(
  now: Date | number = Date.now(),
  idleTimeoutMs = senseIdleTimeoutMs(),
): Promise<number> {
  const cutoff = new Date((now instanceof Date ? now.getTime() : now) - idleTimeoutMs);
  const live = liveMessageIds();
  const marked = await db().message.updateMany({
    where: {
      status: "streaming",
      updatedAt: { lt: cutoff },
      ...(live.length > 0 ? { id: { notIn: live } } : {}),
    },
    data: {
      status: "interrupted",
      error: RESTART_ERROR as Prisma.InputJsonValue,
      streamOwner: null,
    },
  });
  return marked.count;
}

/**
 * Everything the chat needs from a periodic job, in one call (e.g. from lib/runs/sweeper.ts):
 * stale streams become interrupted, and media copies that did not finish are retried.
 */
export async function sweepChat(now = Date.now()): Promise<void> {
  await markStaleStreamsInterrupted(now).catch((error: unknown) =>
    console.error("sweep: marking stale chat streams failed", error),
  );
  await finishPendingChatMedia(now).catch((error: unknown) =>
    console.error("sweep: saving chat media failed", error),
  );
}
