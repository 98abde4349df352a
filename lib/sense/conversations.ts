import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../db";
import { accessFor } from "../eachlabs/access";
import { AppError } from "../shared/errors";
import type {
  ChatBehavior,
  ChatMessageView,
  ChatMode,
  ConversationSummary,
  ConversationView,
} from "../shared/sense-types";
import { toConversationSummary, toMessageView, type AssetSummary } from "./chat-view";
import { abortStream } from "./live-streams";
import { chatAppError, clearSenseMemory } from "./upstream-sense";

/** An unguessable each::sense session id of ours: `pg-` and 24 lowercase letters and digits. */
function newSessionId(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  return `pg-${[...randomBytes(24)].map((byte) => alphabet[byte % 36]).join("")}`;
}

const notFound = () => new AppError("not_found:conversation", "This chat does not exist.");

/** The person's chats, most recent activity first; `before` is the last id already shown. */
export async function listConversations(
  userId: string,
  options: { limit: number; before?: string | undefined },
): Promise<ConversationSummary[]> {
  const rows = await db().conversation.findMany({
    where: { userId },
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    take: options.limit,
    ...(options.before ? { cursor: { id: options.before }, skip: 1 } : {}),
  });
  return rows.map(toConversationSummary);
}

/** A new chat, with a fresh each::sense session of its own. */
export async function createConversation(
  userId: string,
  input: { title?: string | undefined; mode: ChatMode; behavior: ChatBehavior; webSearch: boolean },
): Promise<ConversationSummary> {
  const row = await db().conversation.create({
    data: {
      userId,
      title: input.title ?? null,
      upstreamSessionId: newSessionId(),
      mode: input.mode,
      behavior: input.behavior,
      webSearch: input.webSearch,
    },
  });
  return toConversationSummary(row);
}

async function assetsOf(
  userId: string,
  ids: (string | null)[],
): Promise<Map<string, AssetSummary>> {
  const wanted = ids.filter((id): id is string => Boolean(id));
  if (wanted.length === 0) return new Map();
  const assets = await db().asset.findMany({
    where: { id: { in: wanted }, userId, deletedAt: null },
    select: { id: true, kind: true, contentType: true },
  });
  return new Map(assets.map((asset) => [asset.id, asset]));
}

/** One chat with every message and its events, so a reload rebuilds everything. */
export async function getConversation(
  userId: string,
  conversationId: string,
): Promise<ConversationView> {
  const row = await db().conversation.findFirst({
    where: { id: conversationId, userId },
    include: {
      messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { media: true } },
    },
  });
  if (!row) throw notFound();
  const assets = await assetsOf(
    userId,
    row.messages.flatMap((message) => message.media.map((media) => media.assetId)),
  );
  return {
    ...toConversationSummary(row),
    messages: row.messages.map((message) => toMessageView(message, assets)),
  };
}

/**
 * One message, e.g. for a page that reloaded mid-stream and polls while it is `streaming`;
 * `after` leaves out the events it already has.
 */
export async function getMessage(
  userId: string,
  conversationId: string,
  messageId: string,
  after = 0,
): Promise<ChatMessageView> {
  const row = await db().message.findFirst({
    where: { id: messageId, conversationId, conversation: { userId } },
    include: { media: true },
  });
  if (!row) throw new AppError("not_found:message", "This message does not exist.");
  const assets = await assetsOf(
    userId,
    row.media.map((media) => media.assetId),
  );
  return toMessageView(row, assets, after);
}

export async function updateConversation(
  userId: string,
  conversationId: string,
  input: {
    title?: string | undefined;
    mode?: ChatMode | undefined;
    behavior?: ChatBehavior | undefined;
    webSearch?: boolean | undefined;
  },
): Promise<ConversationSummary> {
  const updated = await db().conversation.updateMany({
    where: { id: conversationId, userId },
    data: input,
  });
  if (updated.count === 0) throw notFound();
  const row = await db().conversation.findFirstOrThrow({ where: { id: conversationId, userId } });
  return toConversationSummary(row);
}

/**
 * Deletes a chat and its messages (its media stay in the gallery), stopping a stream it
 * still has here. Returns the upstream session, for forgetUpstreamSession.
 */
export async function deleteConversation(
  userId: string,
  conversationId: string,
): Promise<{ upstreamSessionId: string }> {
  const row = await db().conversation.findFirst({
    where: { id: conversationId, userId },
    select: {
      upstreamSessionId: true,
      messages: { where: { status: "streaming" }, select: { id: true } },
    },
  });
  if (!row) throw notFound();
  for (const message of row.messages) abortStream(message.id, "stopped");
  const deleted = await db().conversation.deleteMany({ where: { id: conversationId, userId } });
  if (deleted.count === 0) throw notFound();
  return { upstreamSessionId: row.upstreamSessionId };
}

/** Best effort: each::sense forgets a deleted chat (it would expire after 30 days anyway). */
export async function forgetUpstreamSession(userId: string, sessionId: string): Promise<void> {
  try {
    await clearSenseMemory(await accessFor(userId), sessionId);
  } catch (error) {
    console.warn("chat: clearing upstream memory of a deleted chat failed", sessionId, error);
  }
}

export const MEMORY_CLEARED_NOTE =
  "Memory cleared: each::sense no longer remembers the earlier messages of this chat.";

/**
 * each::sense forgets the conversation (follow-ups like "make it wider" start afresh); our
 * messages stay, with a note where the memory ends.
 */
export async function clearConversationMemory(
  userId: string,
  conversationId: string,
): Promise<ChatMessageView> {
  const row = await db().conversation.findFirst({
    where: { id: conversationId, userId },
    select: { upstreamSessionId: true },
  });
  if (!row) throw notFound();
  const streaming = await db().message.count({
    where: { conversationId, status: "streaming" },
  });
  if (streaming > 0) {
    throw new AppError(
      "conflict:chat",
      "each::sense is still answering. Wait for it, or stop it, then clear the memory.",
    );
  }
  try {
    await clearSenseMemory(await accessFor(userId), row.upstreamSessionId);
  } catch (error) {
    throw chatAppError(error);
  }
  const now = new Date();
  const note = await db().message.create({
    data: {
      conversationId,
      role: "system",
      status: "complete",
      content: MEMORY_CLEARED_NOTE,
      createdAt: now,
    },
    include: { media: true },
  });
  await db().conversation.update({ where: { id: conversationId }, data: { lastMessageAt: now } });
  return toMessageView(note, new Map());
}
