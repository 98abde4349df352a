import "server-only";
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import type { ChatEndReason } from "../shared/sense-types";

/**
 * The chat streams this process relays, by assistant message id, so a stop request that
 * lands here can abort one at once. Streams relayed by another instance are stopped through
 * the database instead (see stop-stream.ts). On globalThis: Next.js may load this module once
 * per route bundle, and every route must see the same streams.
 */
export type LiveStream = {
  userId: string;
  conversationId: string;
  controller: AbortController;
  /** Settles once the relay wrote the message's final state. */
  finished: Promise<void>;
};

const globalForStreams = globalThis as typeof globalThis & {
  __senseLiveStreams?: Map<string, LiveStream>;
  __senseInstanceId?: string;
};
globalForStreams.__senseLiveStreams ??= new Map();
globalForStreams.__senseInstanceId ??= `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
const streams = globalForStreams.__senseLiveStreams;

/** Names this process in Message.streamOwner. */
export const INSTANCE_ID = globalForStreams.__senseInstanceId;

export function registerStream(messageId: string, stream: LiveStream): void {
  streams.set(messageId, stream);
}

export function unregisterStream(messageId: string): void {
  streams.delete(messageId);
}

export function liveStream(messageId: string): LiveStream | undefined {
  return streams.get(messageId);
}

export function liveMessageIds(): string[] {
  return [...streams.keys()];
}

export function abortStream(messageId: string, reason: ChatEndReason): LiveStream | undefined {
  const stream = streams.get(messageId);
  if (stream && !stream.controller.signal.aborted) stream.controller.abort(reason);
  return stream;
}
