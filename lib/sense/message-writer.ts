import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { SenseMessageState } from "../shared/sense-reducer";
import { SENSE_FLUSH_MS, SENSE_HEARTBEAT_MS } from "./config";
import { INSTANCE_ID } from "./live-streams";

const json = (value: unknown) => value as Prisma.InputJsonValue;
// Prisma stores DateTime as UTC in "timestamp without time zone"; plain now() would be stored
// in the server's own time zone.
const UTC_NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/**
 * Persists a streaming assistant message without hammering the database: changes are
 * written at most every SENSE_FLUSH_MS (at once for events a reload must not miss), one
 * write at a time, and the row is touched every SENSE_HEARTBEAT_MS while upstream is quiet.
 * Every write is conditional on the row still streaming with no stop requested; when that
 * fails because someone stopped it (possibly on another app instance), `onStop` is called.
 */
export class MessageWriter {
  private latest: SenseMessageState | null = null;
  private dirty = false;
  private closed = false;
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly heartbeat: NodeJS.Timeout;
  private lastWriteAt = Date.now();
  /** How many of the state's events the row already holds (events only ever grow). */
  private eventsWritten = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly messageId: string,
    private readonly onStop: () => void,
  ) {
    this.heartbeat = setInterval(() => {
      if (Date.now() - this.lastWriteAt >= SENSE_HEARTBEAT_MS / 2) this.enqueue();
    }, SENSE_HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** The state after an event; `urgent` writes it now (media, questions, final events). */
  update(state: SenseMessageState, urgent: boolean): void {
    if (this.closed) return;
    this.latest = state;
    this.dirty = true;
    if (urgent) {
      clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
      this.enqueue();
    } else {
      this.flushTimer ??= setTimeout(() => {
        this.flushTimer = undefined;
        this.enqueue();
      }, SENSE_FLUSH_MS);
    }
  }

  /** Writes the final state, whatever happened to the row meanwhile. */
  async finish(state: SenseMessageState): Promise<void> {
    this.closed = true;
    clearTimeout(this.flushTimer);
    clearInterval(this.heartbeat);
    await this.chain;
    await db().message.updateMany({
      where: { id: this.messageId },
      data: {
        content: state.content,
        events: json(state.events),
        generations: json(state.generations),
        status: state.status,
        error: state.error ? json(state.error) : undefined,
        streamOwner: null,
      },
    });
  }

  private enqueue(): void {
    this.chain = this.chain
      .then(() => this.write())
      .catch((error: unknown) => console.error("chat: writing a streaming message failed", error));
  }

  private async write(): Promise<void> {
    if (this.closed) return;
    const state = this.dirty ? this.latest : null;
    this.dirty = false;
    this.lastWriteAt = Date.now();
    // Only the events that arrived since the last write travel: rewriting the whole list on
    // every flush would cost O(n²) over a long stream.
    const fresh = state ? state.events.slice(this.eventsWritten) : [];
    const written = state
      ? await db().$executeRaw`
          UPDATE "Message"
          SET "updatedAt" = ${UTC_NOW}, "streamOwner" = ${INSTANCE_ID}, "content" = ${state.content},
              "generations" = ${JSON.stringify(state.generations)}::jsonb,
              "events" = "events" || ${JSON.stringify(fresh)}::jsonb
          WHERE "id" = ${this.messageId} AND "status" = 'streaming' AND "stopRequestedAt" IS NULL`
      : await db().$executeRaw`
          UPDATE "Message" SET "updatedAt" = ${UTC_NOW}, "streamOwner" = ${INSTANCE_ID}
          WHERE "id" = ${this.messageId} AND "status" = 'streaming' AND "stopRequestedAt" IS NULL`;
    if (written > 0) {
      if (state) this.eventsWritten = state.events.length;
      return;
    }
    const row = await db().message.findUnique({
      where: { id: this.messageId },
      select: { status: true, stopRequestedAt: true },
    });
    if (!row || row.stopRequestedAt || row.status === "stopped") {
      this.onStop();
      return;
    }
    // Marked interrupted by a sweeper that thought this relay dead (the database was slow to
    // answer our heartbeats): the stream is alive, so the row streams again, in full.
    const current = state ?? this.latest;
    await db().message.updateMany({
      where: { id: this.messageId, stopRequestedAt: null },
      data: {
        updatedAt: new Date(),
        streamOwner: INSTANCE_ID,
        status: "streaming",
        error: Prisma.DbNull,
        ...(current
          ? {
              content: current.content,
              events: json(current.events),
              generations: json(current.generations),
            }
          : {}),
      },
    });
    if (current) this.eventsWritten = current.events.length;
  }
}
