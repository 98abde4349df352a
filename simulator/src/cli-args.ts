import fs from "node:fs";
import path from "node:path";
import { isLoopbackHost } from "./http/loopback.js";
import { resolveReplayFile, type SenseOptions } from "./sense/sense-config.js";
import {
  DEFAULT_DURATIONS_MS,
  SIMULATOR_DIR,
  type DurationsMs,
  type MediaKind,
  type SimulatorOptions,
} from "./options.js";

export class UsageError extends Error {}

export interface CliOptions extends SimulatorOptions {
  quiet: boolean;
  help: boolean;
}

type Parser = (options: CliOptions, value: string | undefined) => void;

/** Flags whose value may be left out; the value used then. */
const OPTIONAL_VALUES: Record<string, string> = {
  "--fail-webhooks": "1",
  "--late-webhooks": "5000",
};
const BOOLEAN_FLAGS = new Set([
  "--duplicate-webhooks",
  "--bad-webhook-signatures",
  "--quiet",
  "--help",
]);

const PARSERS: Record<string, Parser> = {
  "--port": (o, v) => (o.port = integer("--port", v, 0, 65_535)),
  "--host": (o, v) => {
    const host = text("--host", v);
    if (!isLoopbackHost(host))
      throw new UsageError(`--host must be a loopback address such as 127.0.0.1 (got "${host}")`);
    o.host = host;
  },
  "--keys": (o, v) => {
    const keys = text("--keys", v)
      .split(",")
      .map((key) => key.trim())
      .filter((key) => key !== "");
    if (keys.length === 0) throw new UsageError("--keys needs at least one key");
    o.keys = keys;
  },
  "--dialect": (o, v) => (o.dialect = oneOf("--dialect", v, ["reference", "official"] as const)),
  "--catalog": (o, v) => (o.catalogFile = catalogPath(text("--catalog", v))),
  "--models": (o, v) => (o.models = integer("--models", v, 1, 100_000)),
  "--time-factor": (o, v) => (o.timeFactor = decimal("--time-factor", v, 0, 1000)),
  "--plan": (o, v) => (o.plan = oneOf("--plan", v, ["free", "pro", "enterprise"] as const)),
  "--rate-limit": (o, v) => (o.rateLimit = integer("--rate-limit", v, 0, 1e9)),
  "--concurrency": (o, v) => (o.concurrency = integer("--concurrency", v, 0, 1e9)),
  "--rate-window-ms": (o, v) => (o.rateWindowMs = integer("--rate-window-ms", v, 1, 86_400_000)),
  "--balance": (o, v) => (o.balanceUsd = decimal("--balance", v, -1e9, 1e9)),
  "--public-url": (o, v) => {
    const url = text("--public-url", v);
    if (!/^https?:\/\/[^\s]+$/.test(url))
      throw new UsageError(`--public-url must be an http(s) URL (got "${url}")`);
    o.publicUrl = url;
  },
  "--media-dir": (o, v) => (o.mediaDir = path.resolve(text("--media-dir", v))),
  "--durations": (o, v) => (o.durationsMs = durations(text("--durations", v))),
  "--fail-rate": (o, v) => (o.failRate = decimal("--fail-rate", v, 0, 1)),
  "--error-rate": (o, v) => (o.errorRate = decimal("--error-rate", v, 0, 1)),
  "--latency-ms": (o, v) => (o.latencyMs = integer("--latency-ms", v, 0, 600_000)),
  "--fail-webhooks": (o, v) => (o.failWebhooks = decimal("--fail-webhooks", v, 0, 1)),
  "--duplicate-webhooks": (o) => (o.duplicateWebhooks = true),
  "--late-webhooks": (o, v) => (o.lateWebhooksMs = integer("--late-webhooks", v, 0, 3_600_000)),
  "--bad-webhook-signatures": (o) => (o.badWebhookSignatures = true),
  "--sense-replay": (o, v) => {
    const raw = text("--sense-replay", v);
    const file = resolveReplayFile(raw, SIMULATOR_DIR);
    if (file === null) throw new UsageError(`--sense-replay: file not found: ${raw}`);
    sense(o, { replayFile: file });
  },
  "--sense-pace": (o, v) => sense(o, { paceFactor: decimal("--sense-pace", v, 0, 1000) }),
  "--sense-idle-ms": (o, v) =>
    sense(o, { idleTimeoutMs: integer("--sense-idle-ms", v, 0, 31_536_000_000) }),
  "--sense-ttl-ms": (o, v) => sense(o, { ttlMs: integer("--sense-ttl-ms", v, 0, 31_536_000_000) }),
  "--quiet": (o) => (o.quiet = true),
  "--help": (o) => (o.help = true),
};

export function parseCliArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { quiet: false, help: false };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index] ?? "";
    const [flag = "", inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const parse = PARSERS[flag];
    if (parse === undefined) throw new UsageError(`unknown flag "${arg}" (try --help)`);
    let value = inline;
    if (value === undefined && !BOOLEAN_FLAGS.has(flag)) {
      const next = argv[index + 1];
      if (next !== undefined && !next.startsWith("--")) {
        value = next;
        index += 1;
      } else {
        value = OPTIONAL_VALUES[flag];
      }
    }
    parse(options, value);
  }
  return options;
}

function sense(options: CliOptions, changes: SenseOptions): void {
  options.sense = { ...options.sense, ...changes };
}

function text(flag: string, value: string | undefined): string {
  if (value === undefined || value === "") throw new UsageError(`${flag} needs a value`);
  return value;
}

function integer(flag: string, value: string | undefined, min: number, max: number): number {
  const raw = text(flag, value);
  const number = Number(raw);
  if (!/^-?\d+$/.test(raw) || number < min || number > max)
    throw new UsageError(`${flag} must be an integer from ${min} to ${max} (got "${raw}")`);
  return number;
}

function decimal(flag: string, value: string | undefined, min: number, max: number): number {
  const raw = text(flag, value);
  const number = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(number) || number < min || number > max)
    throw new UsageError(`${flag} must be a number from ${min} to ${max} (got "${raw}")`);
  return number;
}

function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
): T {
  const raw = text(flag, value);
  if (!allowed.includes(raw as T))
    throw new UsageError(`${flag} must be one of ${allowed.join(", ")} (got "${raw}")`);
  return raw as T;
}

/** "image=3000,video=8000" → durations in ms for those kinds. */
function durations(raw: string): Partial<DurationsMs> {
  const result: Partial<DurationsMs> = {};
  for (const pair of raw.split(",")) {
    const [kind = "", ms = ""] = pair.split("=", 2).map((part) => part.trim());
    if (!(kind in DEFAULT_DURATIONS_MS))
      throw new UsageError(`--durations: unknown media kind "${kind}" (image, video, audio, text)`);
    result[kind as MediaKind] = integer(`--durations ${kind}`, ms, 0, 3_600_000);
  }
  return result;
}

/** A relative catalog path is read from the cwd when it exists there, else from the simulator folder. */
function catalogPath(raw: string): string {
  const candidates = path.isAbsolute(raw)
    ? [raw]
    : [path.resolve(raw), path.resolve(SIMULATOR_DIR, raw)];
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (found === undefined) throw new UsageError(`--catalog: file not found: ${raw}`);
  return found;
}

export const USAGE = `Usage: npm run simulator -- [flags]

  --port N                 port to listen on (default 4010; 0 picks a free port)
  --host H                 loopback address to bind (default 127.0.0.1)
  --keys k1,k2             accepted API keys (default $SIMULATOR_KEYS, else sim_local_playground)
  --dialect D              reference | official (default reference)
  --catalog FILE           catalog in GET /v1/models format (default fixtures/models.json)
  --models N               synthesize a deterministic catalog of N models instead
  --time-factor F          multiply every simulated duration (0.05 = twenty times faster)
  --plan P                 free | pro | enterprise rate limits (default enterprise)
  --rate-limit N           requests per minute per key (overrides the plan)
  --concurrency N          in-flight predictions per key (overrides the plan)
  --rate-window-ms N       length of the rate-limit window (default 60000)
  --balance USD            starting balance of every account (default 100)
  --public-url URL         base of URLs handed out (default http://HOST:PORT)
  --media-dir DIR          media cache (default $TMPDIR/eachlabs-sim-media)
  --durations k=ms,...     nominal durations, e.g. image=3000,video=8000,audio=4000,text=1500
  --fail-rate F            fraction of predictions that fail (0..1)
  --error-rate F           fraction of authenticated API requests answered 500 (0..1)
  --latency-ms N           extra latency on every each::api response
  --fail-webhooks [F]      fraction of webhook deliveries dropped (default 1 when given)
  --duplicate-webhooks     deliver every webhook twice
  --late-webhooks [MS]     delay every webhook by MS (default 5000 when given)
  --bad-webhook-signatures sign webhooks with the wrong secret
  --sense-replay FILE      each::sense: every streaming chat replays this recorded .sse file verbatim
  --sense-pace F           each::sense: multiply the pause before every event (10 = ten times slower)
  --sense-idle-ms N        each::sense: session idle timeout (default 900000, 15 min)
  --sense-ttl-ms N         each::sense: session time to live (default 30 days)
  --quiet                  no request log on stderr
  --help                   this text
`;
