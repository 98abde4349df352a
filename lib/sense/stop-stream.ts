import "server-only";
import { db } from "../db";
import { AppError } from "../shared/errors";
import type { ChatMessageStatus } from "../shared/sense-types";
import { abortStream } from "./live-streams";

/** How long a stop request waits for a stream in this process to write its final state. */
const WAIT_FOR_FINAL_MS = 5_000;

/**
 * Stops the streaming answers of a chat (or just `messageId`). A stream relayed by this
 * process is aborted at once and keeps what arrived, as `stopped`. One relayed by another app
 * instance (or by nobody, after a crash) is marked stopped here; its relay sees that on its
 * next write or heartbeat (within SENSE_HEARTBEAT_MS), stops, and writes what arrived.
 */
export async function stopConversationStreams(
  userId: string,
  conversationId: string,
  messageId?: string,
): Promise<{ id: string; status: ChatMessageStatus }[]> {
  const owned = await db().conversation.findFirst({
    where: { id: conversationId, userId },
    select: { id: true },
  });
  if (!owned) throw new AppError("not_found:conversation", "This chat does not exist.");
  const streaming = await db().message.findMany({
    where: {
      conversationId,
      conversation: { userId },
      status: "streaming",
      ...(messageId ? { id: messageId } : {}),
    },
    select: { id: true },
  });
  const ids = streaming.map((message) => message.id);
  if (ids.length === 0) return [];
  await db().message.updateMany({
    where: { id: { in: ids }, status: "streaming" },
    data: { stopRequestedAt: new Date() },
  });
  for (const id of ids) {
    const local = abortStream(id, "stopped");
    if (local) {
      await Promise.race([
        local.finished,
        new Promise((resolve) => setTimeout(resolve, WAIT_FOR_FINAL_MS).unref()),
      ]);
    } else {
      await db().message.updateMany({
        where: { id, status: "streaming" },
        data: { status: "stopped" },
      });
    }
  }
  const after = await db().message.findMany({
    where: { id: { in: ids } },
    select: { id: true, status: true },
  });
  return after;
}
