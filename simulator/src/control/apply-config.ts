import type { SimulatorContext } from "../context.js";
import { parseFault, type Fault } from "../http/faults.js";
import { isPlainObject } from "../http/read-body.js";
import { PLAN_LIMITS, SIMULATOR_DIR, type MediaKind, type Plan } from "../options.js";
import { parseSensePatch } from "../sense/sense-config.js";
import type { NextRule } from "../runtime-config.js";

type Patch = Record<string, unknown>;
type Apply = (ctx: SimulatorContext) => void;
/** Checks a value; returns a problem, or how to apply it (so a bad patch applies nothing). */
type Setter = (value: unknown) => string | Apply;

const number =
  (min: number, max: number, apply: (ctx: SimulatorContext, value: number) => void): Setter =>
  (value) => {
    if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max)
      return `must be a number from ${min} to ${max}`;
    return (ctx) => apply(ctx, value);
  };

const flag =
  (apply: (ctx: SimulatorContext, value: boolean) => void): Setter =>
  (value) =>
    typeof value === "boolean" ? (ctx) => apply(ctx, value) : "must be true or false";

/** Every switch the control API accepts, and how it changes the running simulator. */
const SETTERS: Record<string, Setter> = {
  dialect: (value) =>
    value === "reference" || value === "official"
      ? (ctx) => (ctx.config.dialect = value)
      : 'must be "reference" or "official"',
  keys: (value) =>
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((key) => typeof key === "string" && key !== "")
      ? (ctx) => (ctx.config.keys = new Set(value as string[]))
      : "must be a non-empty list of strings",
  plan: (value) => {
    if (value !== "free" && value !== "pro" && value !== "enterprise")
      return 'must be "free", "pro" or "enterprise"';
    const limits = PLAN_LIMITS[value as Plan];
    return (ctx) => {
      ctx.config.rateLimit = limits.perMinute;
      ctx.config.concurrency = limits.concurrent;
    };
  },
  timeFactor: number(0, 1000, (ctx, value) => (ctx.config.timeFactor = value)),
  rateLimit: number(0, 1e9, (ctx, value) => (ctx.config.rateLimit = Math.floor(value))),
  concurrency: number(0, 1e9, (ctx, value) => (ctx.config.concurrency = Math.floor(value))),
  rateWindowMs: number(1, 86_400_000, (ctx, value) => (ctx.config.rateWindowMs = value)),
  balance: number(-1e9, 1e9, (ctx, value) => ctx.accounts.setAll(value)),
  failRate: number(0, 1, (ctx, value) => (ctx.config.failRate = value)),
  errorRate: number(0, 1, (ctx, value) => (ctx.config.errorRate = value)),
  latencyMs: number(0, 600_000, (ctx, value) => (ctx.config.latencyMs = value)),
  failWebhooks: (value) => {
    const rate = value === true ? 1 : value === false ? 0 : value;
    if (typeof rate !== "number" || rate < 0 || rate > 1)
      return "must be true, false or a rate from 0 to 1";
    return (ctx) => (ctx.config.failWebhooks = rate);
  },
  duplicateWebhooks: flag((ctx, value) => (ctx.config.duplicateWebhooks = value)),
  lateWebhooksMs: number(0, 3_600_000, (ctx, value) => (ctx.config.lateWebhooksMs = value)),
  badWebhookSignatures: flag((ctx, value) => (ctx.config.badWebhookSignatures = value)),
  durationsMs: (value) => {
    if (!isPlainObject(value)) return 'must be an object like {"image": 3000}';
    for (const [kind, ms] of Object.entries(value)) {
      if (!MEDIA_KINDS.includes(kind as MediaKind)) return `has unknown media kind "${kind}"`;
      if (typeof ms !== "number" || ms < 0) return `${kind} must be a non-negative number`;
    }
    return (ctx) => Object.assign(ctx.config.durationsMs, value);
  },
  next: (value) => {
    const rules: NextRule[] = [];
    for (const entry of Array.isArray(value) ? value : [value]) {
      const rule = parseRule(entry);
      if (typeof rule === "string") return rule;
      rules.push(rule);
    }
    return (ctx) => ctx.config.nextRules.push(...rules);
  },
  clearNext: flag((ctx, value) => {
    if (value) ctx.config.nextRules = [];
  }),
  resetRateLimits: flag((ctx, value) => {
    if (value) ctx.rateLimiter.reset();
  }),
  sense: (value) => {
    const changes = parseSensePatch(value, SIMULATOR_DIR);
    return typeof changes === "string"
      ? changes
      : (ctx) => Object.assign(ctx.config.sense, changes);
  },
};

const MEDIA_KINDS: readonly MediaKind[] = ["image", "video", "audio", "text"];

/** Applies a patch; returns the problems (unknown fields, bad values) and applies nothing if there are any. */
export function applyConfigPatch(ctx: SimulatorContext, patch: Patch): string[] {
  const problems: string[] = [];
  const applies: Apply[] = [];
  for (const [field, value] of Object.entries(patch)) {
    const setter = SETTERS[field];
    if (setter === undefined) {
      problems.push(`unknown field "${field}" (known: ${Object.keys(SETTERS).join(", ")})`);
      continue;
    }
    const result = setter(value);
    if (typeof result === "string") problems.push(`${field} ${result}`);
    else applies.push(result);
  }
  if (problems.length === 0) applies.forEach((apply) => apply(ctx));
  return problems;
}

/**
 * `{"status": 429, "count": 3, "retryAfter": 2, "path": "/v1/prediction", "method": "POST"}`
 * or `{"fault": "hang" | "slow:2000" | "timeout" | "reset" | "malformed" | "503", "count": 1}`.
 */
function parseRule(entry: unknown): NextRule | string {
  if (!isPlainObject(entry)) return 'next must be an object like {"status": 429, "count": 3}';
  let fault: Fault | null = null;
  if (typeof entry.status === "number") fault = parseFault(String(entry.status));
  else if (typeof entry.fault === "string" || typeof entry.fault === "number")
    fault = parseFault(String(entry.fault));
  if (fault === null)
    return 'next needs a valid status (e.g. 429) or fault (e.g. "hang", "slow:2000")';
  if (fault.kind === "status" && typeof entry.retryAfter === "number")
    fault = { ...fault, retryAfterS: entry.retryAfter };
  const count = entry.count ?? 1;
  if (typeof count !== "number" || !Number.isInteger(count) || count < 1)
    return "next.count must be a positive integer";
  const rule: NextRule = { fault, remaining: count };
  if (typeof entry.path === "string") rule.path = entry.path;
  if (typeof entry.method === "string") rule.method = entry.method.toUpperCase();
  return rule;
}

export function describeConfig(ctx: SimulatorContext): Record<string, unknown> {
  const { keys, nextRules, ...rest } = ctx.config;
  return {
    ...rest,
    keys: [...keys],
    next: nextRules.map((rule) => ({ ...rule })),
  };
}
