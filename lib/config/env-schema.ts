// Every environment variable the app reads, validated in one place. Pure (no I/O, not
// server-only) so the launcher, the migration scripts and the app share it.
import path from "node:path";
import { z } from "zod";

export const PLATFORM_URLS = {
  api: "https://api.eachlabs.ai",
  workflows: "https://workflows.eachlabs.run/api/v1",
  sense: "https://eachsense-agent.core.eachlabs.run",
} as const;

export const DEFAULT_SIMULATOR_PORT = 4010;
// The key the launcher gives the simulator when no real key is configured. It is not a
// secret: it only opens the local simulator, never the platform.
export const SIMULATOR_API_KEY = "sim_local_playground";

export function simulatorUrls(origin: string) {
  return {
    api: origin,
    workflows: `${origin}/workflows/api/v1`,
    sense: `${origin}/sense`,
  };
}

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const httpUrl = z
  .string()
  .trim()
  .url("an http(s) URL")
  .refine((value) => /^https?:\/\//.test(value), "an http(s) URL")
  .transform((value) => value.replace(/\/+$/, ""));

const schema = z
  .object({
    DATABASE_URL: optionalText.pipe(
      z
        .string()
        .regex(
          /^postgres(ql)?:\/\/.+/,
          "a postgres:// or postgresql:// URL, or unset for the embedded database",
        )
        .optional(),
    ),
    DATA_DIR: optionalText,
    EACHLABS_API_KEY: optionalText,
    EACHLABS_API_URL: optionalText.pipe(httpUrl.optional()),
    EACHLABS_WORKFLOWS_URL: optionalText.pipe(httpUrl.optional()),
    EACHLABS_SENSE_URL: optionalText.pipe(httpUrl.optional()),
    // Set by the launcher when it started the simulator: the app then talks to it.
    EACHLABS_SIMULATOR: optionalText.pipe(z.enum(["1", "0"], "1 or 0").optional()),
    SIMULATOR_DIALECT: optionalText.pipe(
      z.enum(["reference", "official"], "reference or official").optional(),
    ),
    NEXTAUTH_SECRET: optionalText.pipe(z.string().min(32, "at least 32 characters").optional()),
    NEXTAUTH_URL: optionalText.pipe(httpUrl.optional()),
    GITHUB_ID: optionalText,
    GITHUB_SECRET: optionalText,
    RUNS_PER_MINUTE: optionalText.pipe(
      z
        .string()
        .regex(/^\d+$/, "a whole number of runs per minute")
        .transform(Number)
        .refine((n) => n >= 1, "a whole number of runs per minute")
        .optional(),
    ),
    SENSE_IDLE_TIMEOUT_MS: optionalText.pipe(
      z
        .string()
        .regex(/^\d+$/, "whole milliseconds from 1000 to 900000")
        .transform(Number)
        .refine((ms) => ms >= 1_000 && ms <= 900_000, "whole milliseconds from 1000 to 900000")
        .optional(),
    ),
    PORT: optionalText.pipe(
      z
        .string()
        .regex(/^\d+$/, "a port number from 1 to 65535")
        .transform(Number)
        .refine((port) => port >= 1 && port <= 65535, "a port number from 1 to 65535")
        .optional(),
    ),
    STORAGE_DRIVER: optionalText.pipe(z.enum(["local", "s3"], "local or s3").optional()),
    STORAGE_S3_BUCKET: optionalText,
    STORAGE_S3_REGION: optionalText,
    // Any S3-compatible service: MinIO, Cloudflare R2, Backblaze B2, Ceph…
    STORAGE_S3_ENDPOINT: optionalText.pipe(httpUrl.optional()),
    STORAGE_S3_ACCESS_KEY_ID: optionalText,
    STORAGE_S3_SECRET_ACCESS_KEY: optionalText,
    STORAGE_S3_FORCE_PATH_STYLE: optionalText.pipe(
      z
        .enum(["true", "false"], "true or false")
        .transform((value) => value === "true")
        .optional(),
    ),
  })
  .superRefine((value, ctx) => {
    if (Boolean(value.GITHUB_ID) !== Boolean(value.GITHUB_SECRET)) {
      const missing = value.GITHUB_ID ? "GITHUB_SECRET" : "GITHUB_ID";
      ctx.addIssue({
        code: "custom",
        path: [missing],
        message: "set together with the other GitHub variable",
      });
    }
    if (value.STORAGE_DRIVER === "s3") {
      const required = [
        "STORAGE_S3_BUCKET",
        "STORAGE_S3_ACCESS_KEY_ID",
        "STORAGE_S3_SECRET_ACCESS_KEY",
      ] as const;
      const missing = required.find((name) => !value[name]);
      if (missing)
        ctx.addIssue({ code: "custom", path: [missing], message: "set when STORAGE_DRIVER is s3" });
    }
  });

export type DatabaseTarget = { kind: "pglite"; dir: string } | { kind: "postgres"; url: string };

export type StorageConfig =
  | { driver: "local" }
  | {
      driver: "s3";
      bucket: string;
      region: string;
      /** Unset for AWS itself; the base URL of any other S3-compatible service. */
      endpoint?: string;
      accessKeyId: string;
      secretAccessKey: string;
      /** `https://host/bucket/key` instead of `https://bucket.host/key` (MinIO needs it). */
      forcePathStyle: boolean;
    };

export type AppConfig = {
  dataDir: string;
  database: DatabaseTarget;
  eachlabs: {
    target: "simulator" | "platform";
    apiKey: string;
    urls: { api: string; workflows: string; sense: string };
  };
  simulatorDialect: "reference" | "official";
  auth: {
    secret: string | undefined;
    url: string | undefined;
    github: { id: string; secret: string } | undefined;
  };
  /** Runs one person may start per minute, whatever their key allows upstream. */
  runsPerMinute: number;
  /** How long a chat stream may stay silent before it counts as stalled (lib/sense/config.ts). */
  senseIdleTimeoutMs: number;
  port: number;
  /** Where stored media live: DATA_DIR/media, or an S3-compatible bucket. */
  storage: StorageConfig;
};

/** Thrown with a one-line message naming the variable and what it expects. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

export function parseEnv(
  source: Record<string, string | undefined>,
  cwd = process.cwd(),
): AppConfig {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? "environment");
    const got = source[variable];
    const shown =
      got === undefined
        ? ""
        : ` (got "${variable.includes("SECRET") || variable.includes("KEY") ? "…" : got}")`;
    throw new ConfigError(`${variable} must be ${issue?.message ?? "valid"}${shown}`);
  }
  const env = parsed.data;
  const dataDir = path.resolve(cwd, env.DATA_DIR ?? ".data");
  const database: DatabaseTarget = env.DATABASE_URL
    ? { kind: "postgres", url: env.DATABASE_URL }
    : { kind: "pglite", dir: path.join(dataDir, "pglite") };

  const useSimulator = env.EACHLABS_SIMULATOR === "1" || !env.EACHLABS_API_KEY;
  const defaults = useSimulator
    ? simulatorUrls(`http://127.0.0.1:${DEFAULT_SIMULATOR_PORT}`)
    : PLATFORM_URLS;

  return {
    dataDir,
    database,
    eachlabs: {
      target: useSimulator ? "simulator" : "platform",
      apiKey: env.EACHLABS_API_KEY ?? SIMULATOR_API_KEY,
      urls: {
        api: env.EACHLABS_API_URL ?? defaults.api,
        workflows: env.EACHLABS_WORKFLOWS_URL ?? defaults.workflows,
        sense: env.EACHLABS_SENSE_URL ?? defaults.sense,
      },
    },
    simulatorDialect: env.SIMULATOR_DIALECT ?? "reference",
    auth: {
      secret: env.NEXTAUTH_SECRET,
      url: env.NEXTAUTH_URL,
      github:
        env.GITHUB_ID && env.GITHUB_SECRET
          ? { id: env.GITHUB_ID, secret: env.GITHUB_SECRET }
          : undefined,
    },
    runsPerMinute: env.RUNS_PER_MINUTE ?? 30,
    senseIdleTimeoutMs: env.SENSE_IDLE_TIMEOUT_MS ?? 60_000,
    port: env.PORT ?? 3000,
    storage: storageConfig(env),
  };
}

function storageConfig(env: z.infer<typeof schema>): StorageConfig {
  // The schema's refinement has already refused s3 without a bucket and both keys.
  if (
    env.STORAGE_DRIVER !== "s3" ||
    !env.STORAGE_S3_BUCKET ||
    !env.STORAGE_S3_ACCESS_KEY_ID ||
    !env.STORAGE_S3_SECRET_ACCESS_KEY
  )
    return { driver: "local" };
  return {
    driver: "s3",
    bucket: env.STORAGE_S3_BUCKET,
    region: env.STORAGE_S3_REGION ?? "us-east-1",
    ...(env.STORAGE_S3_ENDPOINT ? { endpoint: env.STORAGE_S3_ENDPOINT } : {}),
    accessKeyId: env.STORAGE_S3_ACCESS_KEY_ID,
    secretAccessKey: env.STORAGE_S3_SECRET_ACCESS_KEY,
    forcePathStyle: env.STORAGE_S3_FORCE_PATH_STYLE ?? false,
  };
}
