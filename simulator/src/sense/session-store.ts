import { idleTimeoutMs, ttlMs, type SenseSettings } from "./sense-config.js";
import type { LastResult, Pending } from "./task.js";

/** The reference's "Session memory: max 50 messages"; each exchange is two (user + assistant). */
export const MEMORY_LIMIT_MESSAGES = 50;

export interface Exchange {
  timestamp: string;
  user_prompt: string;
  chatbot_response: string;
  generated_media_urls: string[];
  model_used: string | null;
  latency_ms: number;
}

export interface SenseSession {
  key: string;
  id: string;
  createdAt: Date;
  lastActivityAt: Date;
  /** Oldest first; trimmed to the last 50 messages. */
  exchanges: Exchange[];
  /** A clarification or plan waiting for the next message; dropped when the session goes idle. */
  pending: Pending | null;
  last: LastResult | null;
  busy: boolean;
}

/**
 * each::sense memory, scoped by API key + session_id (another key never sees a
 * session, even with the same id). A session idle longer than the idle timeout
 * (15 min) goes "inactive": it keeps its memory but forgets a pending question
 * or plan. One without activity for the TTL (30 days) is deleted.
 */
export class SessionStore {
  private readonly sessions = new Map<string, SenseSession>();

  constructor(private readonly settings: () => SenseSettings) {}

  /** The live session, or undefined (never existed, cleared, or past its TTL). */
  get(key: string, id: string, now = Date.now()): SenseSession | undefined {
    this.expire(now);
    return this.sessions.get(scope(key, id));
  }

  /** The session for a new turn: created on first use; an inactive one wakes up without its pending state. */
  open(key: string, id: string, now = Date.now()): SenseSession {
    let session = this.get(key, id, now);
    if (session === undefined) {
      session = {
        key,
        id,
        createdAt: new Date(now),
        lastActivityAt: new Date(now),
        exchanges: [],
        pending: null,
        last: null,
        busy: false,
      };
      this.sessions.set(scope(key, id), session);
    } else if (this.isInactive(session, now)) {
      session.pending = null;
    }
    session.lastActivityAt = new Date(now);
    return session;
  }

  isInactive(session: SenseSession, now = Date.now()): boolean {
    return now - session.lastActivityAt.getTime() > idleTimeoutMs(this.settings());
  }

  record(session: SenseSession, exchange: Exchange, now = Date.now()): void {
    session.exchanges.push(exchange);
    const limit = Math.floor(MEMORY_LIMIT_MESSAGES / 2);
    if (session.exchanges.length > limit)
      session.exchanges.splice(0, session.exchanges.length - limit);
    session.lastActivityAt = new Date(now);
  }

  /** Forgets a session; returns how many messages it held (0 when there was none). */
  delete(key: string, id: string): number {
    const session = this.get(key, id);
    if (session === undefined) return 0;
    this.sessions.delete(scope(key, id));
    return session.exchanges.length * 2;
  }

  list(key: string, now = Date.now()): SenseSession[] {
    this.expire(now);
    return [...this.sessions.values()]
      .filter((session) => session.key === key)
      .sort((a, b) => b.lastActivityAt.getTime() - a.lastActivityAt.getTime());
  }

  clear(): void {
    this.sessions.clear();
  }

  private expire(now: number): void {
    const ttl = ttlMs(this.settings());
    for (const [scoped, session] of this.sessions) {
      if (!session.busy && now - session.lastActivityAt.getTime() > ttl)
        this.sessions.delete(scoped);
    }
  }
}

function scope(key: string, id: string): string {
  return `${key}\u0000${id}`;
}

export function messageCount(session: SenseSession): number {
  return session.exchanges.length * 2;
}
