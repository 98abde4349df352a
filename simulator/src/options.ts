import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CatalogModel } from "./catalog/catalog-model.js";
import {
  resolveSenseSettings,
  type SenseOptions,
  type SenseSettings,
} from "./sense/sense-config.js";

export type Dialect = "reference" | "official";
export type Plan = "free" | "pro" | "enterprise";
export type MediaKind = "image" | "video" | "audio" | "text";

/** Nominal (unscaled) time a prediction of each media kind takes, in milliseconds. */
export type DurationsMs = Record<MediaKind, number>;

export interface SimulatorOptions {
  port?: number;
  host?: string;
  keys?: string[];
  dialect?: Dialect;
  /** Catalog file in the `GET /v1/models` format. Ignored when `catalog` or `models` is given. */
  catalogFile?: string;
  /** Catalog given in memory (tests). */
  catalog?: CatalogModel[];
  /** Synthesize a deterministic catalog of this many models instead of loading a file. */
  models?: number;
  timeFactor?: number;
  plan?: Plan;
  rateLimit?: number;
  concurrency?: number;
  rateWindowMs?: number;
  balanceUsd?: number;
  publicUrl?: string;
  mediaDir?: string;
  durationsMs?: Partial<DurationsMs>;
  failRate?: number;
  errorRate?: number;
  latencyMs?: number;
  failWebhooks?: number;
  duplicateWebhooks?: boolean;
  lateWebhooksMs?: number;
  badWebhookSignatures?: boolean;
  /** each::sense switches at start (replay file, pacing, session timeouts, stream faults). */
  sense?: SenseOptions;
  /** Human log sink; defaults to stderr. Tests pass a no-op. */
  log?: (line: string) => void;
}

export type ResolvedOptions = Required<
  Omit<SimulatorOptions, "catalog" | "publicUrl" | "models" | "durationsMs" | "sense">
> & {
  catalog: CatalogModel[] | undefined;
  publicUrl: string | undefined;
  models: number | undefined;
  durationsMs: DurationsMs;
  sense: SenseSettings;
};

export const PLAN_LIMITS: Record<Plan, { perMinute: number; concurrent: number }> = {
  free: { perMinute: 10, concurrent: 2 },
  pro: { perMinute: 60, concurrent: 10 },
  enterprise: { perMinute: 300, concurrent: 50 },
};

export const DEFAULT_KEY = "sim_local_playground";

// Images ~3 s, video ~8 s, audio ~4 s as the brief asks; text models are chat-fast.
export const DEFAULT_DURATIONS_MS: DurationsMs = {
  image: 3000,
  video: 8000,
  audio: 4000,
  text: 1500,
};

/** The simulator folder, so default paths do not depend on the caller's cwd. */
export const SIMULATOR_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const DEFAULT_CATALOG_FILE = path.join(SIMULATOR_DIR, "fixtures", "models.json");

export function resolveOptions(options: SimulatorOptions): ResolvedOptions {
  // Enterprise by default: the playground polls while a run is in flight, and the
  // free plan's 10 requests/minute would throttle a single user. Tests pick --plan free.
  const plan = options.plan ?? "enterprise";
  const limits = PLAN_LIMITS[plan];
  return {
    port: options.port ?? 4010,
    host: options.host ?? "127.0.0.1",
    keys: options.keys && options.keys.length > 0 ? options.keys : keysFromEnv(),
    dialect: options.dialect ?? "reference",
    catalogFile: options.catalogFile ?? DEFAULT_CATALOG_FILE,
    catalog: options.catalog,
    models: options.models,
    timeFactor: options.timeFactor ?? 1,
    plan,
    rateLimit: options.rateLimit ?? limits.perMinute,
    concurrency: options.concurrency ?? limits.concurrent,
    rateWindowMs: options.rateWindowMs ?? 60_000,
    balanceUsd: options.balanceUsd ?? 100,
    publicUrl: options.publicUrl,
    mediaDir: options.mediaDir ?? path.join(os.tmpdir(), "eachlabs-sim-media"),
    durationsMs: { ...DEFAULT_DURATIONS_MS, ...options.durationsMs },
    failRate: options.failRate ?? 0,
    errorRate: options.errorRate ?? 0,
    latencyMs: options.latencyMs ?? 0,
    failWebhooks: options.failWebhooks ?? 0,
    duplicateWebhooks: options.duplicateWebhooks ?? false,
    lateWebhooksMs: options.lateWebhooksMs ?? 0,
    badWebhookSignatures: options.badWebhookSignatures ?? false,
    sense: resolveSenseSettings(options.sense),
    log: options.log ?? ((line: string) => process.stderr.write(`${line}\n`)),
  };
}

function keysFromEnv(): string[] {
  const fromEnv = (process.env.SIMULATOR_KEYS ?? "")
    .split(",")
    .map((key) => key.trim())
    .filter((key) => key.length > 0);
  return fromEnv.length > 0 ? fromEnv : [DEFAULT_KEY];
}
