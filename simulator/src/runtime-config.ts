import type { Dialect, DurationsMs, ResolvedOptions } from "./options.js";
import type { Fault } from "./http/faults.js";
import type { SenseSettings } from "./sense/sense-config.js";

/** A queued fault from `POST /__simulator/config {"next": ...}`: hits the next `remaining` matching requests. */
export interface NextRule {
  fault: Fault;
  remaining: number;
  /** Only requests whose path starts with this (e.g. "/v1/prediction"). */
  path?: string;
  method?: string;
}

/**
 * Everything a test may change while the simulator runs. Routes read it on every
 * request, so a change through the control endpoint applies to the next request.
 */
export interface RuntimeConfig {
  dialect: Dialect;
  keys: Set<string>;
  timeFactor: number;
  durationsMs: DurationsMs;
  rateLimit: number;
  concurrency: number;
  rateWindowMs: number;
  /** Balance new accounts start with, and what `balance` in the control API resets every account to. */
  balanceUsd: number;
  failRate: number;
  errorRate: number;
  latencyMs: number;
  failWebhooks: number;
  duplicateWebhooks: boolean;
  lateWebhooksMs: number;
  badWebhookSignatures: boolean;
  nextRules: NextRule[];
  /** each::sense switches (sense/sense-config.ts). */
  sense: SenseSettings;
}

export function initialRuntimeConfig(options: ResolvedOptions): RuntimeConfig {
  return {
    dialect: options.dialect,
    keys: new Set(options.keys),
    timeFactor: options.timeFactor,
    durationsMs: { ...options.durationsMs },
    rateLimit: options.rateLimit,
    concurrency: options.concurrency,
    rateWindowMs: options.rateWindowMs,
    balanceUsd: options.balanceUsd,
    failRate: options.failRate,
    errorRate: options.errorRate,
    latencyMs: options.latencyMs,
    failWebhooks: options.failWebhooks,
    duplicateWebhooks: options.duplicateWebhooks,
    lateWebhooksMs: options.lateWebhooksMs,
    badWebhookSignatures: options.badWebhookSignatures,
    nextRules: [],
    sense: { ...options.sense },
  };
}

/** Scales a simulated duration by the time factor. */
export function scaled(config: RuntimeConfig, ms: number): number {
  return Math.max(0, Math.round(ms * config.timeFactor));
}
