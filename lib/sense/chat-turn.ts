import "server-only";
import { db } from "../db";
import { accessFor } from "../eachlabs/access";
import type { Prisma } from "../generated/prisma/client";
import { AppError, type ErrorBody } from "../shared/errors";
import type { SenseMessageState } from "../shared/sense-reducer";
import type {
  ChatBehavior,
  ChatEndReason,
  ChatMessageError,
  ChatMode,
  ChatSettings,
  ChatStreamMessage,
} from "../shared/sense-types";
import { senseIdleTimeoutMs } from "./config";
import { INSTANCE_ID, registerStream, unregisterStream } from "./live-streams";
import { relayStream } from "./relay-stream";
import { chatAppError, openSenseStream } from "./upstream-sense";

export type StartChatTurnInput = {
  userId: string;
  conversationId: string;
  content: string;
  imageUrls: string[];
  mode?: ChatMode | undefined;
  behavior?: ChatBehavior | undefined;
  webSearch?: boolean | undefined;
  /** The browser's request: when it aborts, the turn stops (status `stopped`). */
  signal?: AbortSignal | undefined;
  /** Silence after which the stream counts as stalled (default: senseIdleTimeoutMs()). */
  idleTimeoutMs?: number | undefined;
};

export type ChatTurnIds = { conversationId: string; userMessageId: string; messageId: string };

export type ChatTurn = ChatTurnIds & {
  /**
   * Relays the stream: calls `send` with each message for the browser as soon as it is known
   * (never batched), persists as it goes, and resolves with the final state once it is written.
   * Call it once. `send` must not throw.
   */
  run(send: (message: ChatStreamMessage) => void): Promise<SenseMessageState>;
  /** Ends the stream early: `stopped` and `client_gone` keep what arrived, as `stopped`. */
  abort(reason: ChatEndReason): void;
  /** Settles once the stream is over and its media are copied (or have failed to be). */
  readonly settled: Promise<void>;
};

/** Upstream refused the turn before any stream: the body also names the messages written. */
export class ChatTurnError extends AppError {
  constructor(
    cause: AppError,
    readonly ids: ChatTurnIds,
  ) {
    super(cause.code, cause.message, cause.extra);
  }

  override toBody(): ErrorBody & ChatTurnIds {
    return { ...super.toBody(), ...this.ids };
  }
}

const json = (value: unknown) => value as Prisma.InputJsonValue;

function titleFrom(content: string): string {
  const line = content.replace(/\s+/g, " ").trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

function errorJson(error: AppError): ChatMessageError {
  return {
    code: error.code,
    message: error.message,
    ...(error.extra.retryAfter ? { retryAfter: error.extra.retryAfter } : {}),
  };
}

/**
 * each::sense answers one message per session at a time. A `streaming` row untouched for
 * longer than the idle timeout has lost its relay and does not block the chat.
 */
async function refuseWhileStreaming(conversationId: string, idleMs: number): Promise<void> {
  const live = await db().message.findFirst({
    where: {
      conversationId,
      status: "streaming",
      updatedAt: { gt: new Date(Date.now() - idleMs) },
    },
    select: { id: true },
  });
  if (live) {
    throw new AppError(
      "conflict:chat",
      "each::sense is still answering the previous message. Wait for it, or stop it first.",
    );
  }
}

/**
 * One message to each::sense and its answer: writes the user's message and an assistant
 * message (`streaming`), then opens the upstream stream with the person's key (or ours).
 * When upstream refuses (401, 402, 409, 422, 429, 5xx, no answer), the assistant message is
 * marked failed and a ChatTurnError says why; the user's message stays. Otherwise the
 * returned turn relays the stream (see ChatTurn.run).
 */
export async function startChatTurn(input: StartChatTurnInput): Promise<ChatTurn> {
  const idleMs = input.idleTimeoutMs ?? senseIdleTimeoutMs();
  const conversation = await db().conversation.findFirst({
    where: { id: input.conversationId, userId: input.userId },
    select: {
      id: true,
      title: true,
      upstreamSessionId: true,
      mode: true,
      behavior: true,
      webSearch: true,
    },
  });
  if (!conversation) throw new AppError("not_found:conversation", "This chat does not exist.");
  await refuseWhileStreaming(conversation.id, idleMs);

  const settings: ChatSettings = {
    mode: input.mode ?? conversation.mode,
    behavior: input.behavior ?? conversation.behavior,
    webSearch: input.webSearch ?? conversation.webSearch,
  };
  const now = Date.now();
  const [userMessage, assistant] = await db().$transaction([
    db().message.create({
      data: {
        conversationId: conversation.id,
        role: "user",
        status: "complete",
        content: input.content,
        attachments: json(input.imageUrls),
        settings: json(settings),
        createdAt: new Date(now),
      },
      select: { id: true },
    }),
    db().message.create({
      data: {
        conversationId: conversation.id,
        role: "assistant",
        status: "streaming",
        settings: json(settings),
        streamOwner: INSTANCE_ID,
        // After the user's message, even within one millisecond.
        createdAt: new Date(now + 1),
      },
      select: { id: true },
    }),
    db().conversation.update({
      where: { id: conversation.id },
      data: {
        lastMessageAt: new Date(now),
        ...settings,
        ...(conversation.title ? {} : { title: titleFrom(input.content) }),
      },
      select: { id: true },
    }),
  ]);
  const ids: ChatTurnIds = {
    conversationId: conversation.id,
    userMessageId: userMessage.id,
    messageId: assistant.id,
  };

  const controller = new AbortController();
  const onClientGone = () => controller.abort("client_gone");
  if (input.signal?.aborted) onClientGone();
  else input.signal?.addEventListener("abort", onClientGone, { once: true });
  let markFinished = () => {};
  const finished = new Promise<void>((resolve) => (markFinished = resolve));
  registerStream(assistant.id, {
    userId: input.userId,
    conversationId: conversation.id,
    controller,
    finished,
  });
  const release = () => {
    input.signal?.removeEventListener("abort", onClientGone);
    unregisterStream(assistant.id);
    markFinished();
  };

  let response: Response;
  try {
    response = await openSenseStream(
      await accessFor(input.userId),
      {
        sessionId: conversation.upstreamSessionId,
        content: input.content,
        imageUrls: input.imageUrls,
        settings,
      },
      controller.signal,
    );
  } catch (error) {
    const stopped = controller.signal.aborted;
    const appError = stopped
      ? new AppError("conflict:chat", "The message was stopped before each::sense answered.")
      : chatAppError(error);
    await db().message.updateMany({
      where: { id: assistant.id },
      data: {
        status: stopped ? "stopped" : "failed",
        error: json(errorJson(appError)),
        streamOwner: null,
      },
    });
    release();
    throw new ChatTurnError(appError, ids);
  }

  let settle = () => {};
  const settled = new Promise<void>((resolve) => (settle = resolve));
  let started = false;

  const run = async (send: (message: ChatStreamMessage) => void) => {
    if (started) throw new Error("ChatTurn.run may be called once");
    started = true;
    let media: Promise<void> = Promise.resolve();
    try {
      const relayed = await relayStream({
        ids,
        userId: input.userId,
        prompt: input.content,
        mediaInputs: {
          conversationId: conversation.id,
          messageId: assistant.id,
          mode: settings.mode,
          behavior: settings.behavior,
        },
        body: response.body ?? new ReadableStream<Uint8Array>(),
        controller,
        idleMs,
        send,
      });
      media = relayed.media;
      return relayed.state;
    } finally {
      release();
      void media.then(settle, settle);
    }
  };

  return {
    ...ids,
    run,
    abort: (reason) => {
      if (!controller.signal.aborted) controller.abort(reason);
    },
    settled,
  };
}
