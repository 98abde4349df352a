import type { RuntimeConfig } from "../runtime-config.js";

export interface RateState {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the current window ends, epoch milliseconds. */
  resetAtMs: number;
}

interface Window {
  startMs: number;
  count: number;
}

/**
 * Reference-dialect request limit: a fixed window per API key (default one
 * minute). Refused requests do not count, so a client that backs off until
 * X-RateLimit-Reset gets its full quota back.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly bursts = new Map<string, number[]>();

  constructor(private readonly config: RuntimeConfig) {}

  hit(key: string, nowMs = Date.now()): RateState {
    const window = this.current(key, nowMs);
    const limit = this.config.rateLimit;
    const allowed = window.count < limit;
    if (allowed) window.count += 1;
    return {
      allowed,
      limit,
      remaining: Math.max(0, limit - window.count),
      resetAtMs: window.startMs + this.config.rateWindowMs,
    };
  }

  peek(key: string, nowMs = Date.now()): RateState {
    const window = this.current(key, nowMs);
    const limit = this.config.rateLimit;
    return {
      allowed: window.count < limit,
      limit,
      remaining: Math.max(0, limit - window.count),
      resetAtMs: window.startMs + this.config.rateWindowMs,
    };
  }

  /** A short burst limit (N requests per second), as the official balance endpoint has. */
  burst(key: string, perSecond: number, nowMs = Date.now()): boolean {
    const recent = (this.bursts.get(key) ?? []).filter((time) => nowMs - time < 1000);
    const allowed = recent.length < perSecond;
    if (allowed) recent.push(nowMs);
    this.bursts.set(key, recent);
    return allowed;
  }

  reset(): void {
    this.windows.clear();
    this.bursts.clear();
  }

  private current(key: string, nowMs: number): Window {
    let window = this.windows.get(key);
    if (window === undefined || nowMs >= window.startMs + this.config.rateWindowMs) {
      window = { startMs: nowMs, count: 0 };
      this.windows.set(key, window);
    }
    return window;
  }
}

export function rateLimitHeaders(state: RateState): Record<string, string> {
  return {
    "X-RateLimit-Limit": String(state.limit),
    "X-RateLimit-Remaining": String(state.remaining),
    // Unix seconds when the window resets (the common GitHub-style convention).
    "X-RateLimit-Reset": String(Math.ceil(state.resetAtMs / 1000)),
  };
}

export function retryAfterSeconds(state: RateState, nowMs = Date.now()): number {
  return Math.max(1, Math.ceil((state.resetAtMs - nowMs) / 1000));
}
