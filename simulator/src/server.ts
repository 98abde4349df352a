import http from "node:http";
import type { AddressInfo } from "node:net";
import { AccountLedger } from "./api/account-ledger.js";
import { authenticate } from "./api/auth.js";
import { sendApiError } from "./api/errors.js";
import { playFault } from "./api/fault-response.js";
import { RateLimiter } from "./api/rate-limiter.js";
import { loadCatalog } from "./catalog/load-catalog.js";
import type { SimulatorContext } from "./context.js";
import { parseFault } from "./http/faults.js";
import { isLoopbackHost } from "./http/loopback.js";
import { assignRequestId } from "./http/request-id.js";
import { sendJson } from "./http/respond.js";
import { MediaStore } from "./media/media-store.js";
import { produceOutput } from "./media/produce-output.js";
import { resolveOptions, type SimulatorOptions } from "./options.js";
import { PredictionEngine } from "./predictions/prediction-engine.js";
import { DEFAULT_PRODUCTS, type Product, type ProductFactory } from "./products.js";
import { initialRuntimeConfig } from "./runtime-config.js";
import { Scheduler } from "./scheduler.js";
import { UploadStore } from "./uploads/upload-store.js";
import { WebhookSender } from "./webhooks/webhook-sender.js";

export interface RunningSimulator {
  url: string;
  port: number;
  /** The live services, for tests that want to look inside. */
  context: SimulatorContext;
  close(): Promise<void>;
}

const CONTROL_PREFIX = "/__simulator";

/** Starts the simulator on `options.port` (0 picks a free port) and resolves once it listens. */
export async function startSimulator(
  options: SimulatorOptions = {},
  extraProducts: readonly ProductFactory[] = [],
): Promise<RunningSimulator> {
  const resolved = resolveOptions(options);
  if (!isLoopbackHost(resolved.host))
    throw new Error(`--host must be a loopback address (got "${resolved.host}")`);
  const config = initialRuntimeConfig(resolved);
  const log = resolved.log;
  const scheduler = new Scheduler();
  const media = new MediaStore(resolved.mediaDir);
  await media.init();
  const uploads = new UploadStore(media.uploadsDir);
  let publicUrl = resolved.publicUrl?.replace(/\/+$/, "") ?? "";
  let boundPort = 0;

  const isOwnUrl = (url: URL): boolean => {
    if (url.origin === new URL(publicUrl).origin) return true;
    const port = url.port === "" ? (url.protocol === "https:" ? 443 : 80) : Number(url.port);
    return isLoopbackHost(url.hostname) && port === boundPort;
  };
  const predictions = new PredictionEngine(config, scheduler, (record) =>
    produceOutput(
      { media, uploads, isOwnUrl, mediaUrl: (name) => `${publicUrl}/media/${name}` },
      record,
    ),
  );
  const accounts = new AccountLedger(config);
  const webhooks = new WebhookSender(config, scheduler, log);
  predictions.onTerminal((record) => {
    if (record.phase === "success" && record.cost !== null)
      accounts.charge(record.key, record.cost);
    webhooks.onTerminal(record);
  });

  const ctx: SimulatorContext = {
    options: resolved,
    config,
    catalog: loadCatalog(resolved),
    scheduler,
    media,
    uploads,
    predictions,
    webhooks,
    accounts,
    rateLimiter: new RateLimiter(config),
    publicUrl: () => publicUrl,
    log,
  };
  // Longest prefix first; products sharing a prefix keep their listed order.
  const products = [...DEFAULT_PRODUCTS, ...extraProducts]
    .map((create) => create(ctx))
    .sort((a, b) => b.prefix.length - a.prefix.length);

  const server = http.createServer((req, res) => {
    void handleRequest(ctx, products, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  boundPort = (server.address() as AddressInfo).port;
  const url = `http://${resolved.host.includes(":") ? `[${resolved.host}]` : resolved.host}:${boundPort}`;
  if (publicUrl === "") publicUrl = url;
  log(
    `each::labs simulator listening on ${url} (dialect ${config.dialect}, ${ctx.catalog.models.length} models, media in ${resolved.mediaDir})`,
  );

  return {
    url,
    port: boundPort,
    context: ctx,
    close: async () => {
      scheduler.close();
      // Hung and slow requests (fault switches) would otherwise keep close() waiting forever.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function handleRequest(
  ctx: SimulatorContext,
  products: readonly Product[],
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const started = Date.now();
  assignRequestId(req, res);
  const url = new URL(req.url ?? "/", "http://simulator.local");
  const path = url.pathname;
  res.on("finish", () =>
    ctx.log(`${req.method ?? "?"} ${path} ${res.statusCode} ${Date.now() - started}ms`),
  );
  try {
    if (path === "/health") {
      sendJson(res, 200, { status: "ok", dialect: ctx.config.dialect });
      return;
    }
    const inside = (product: Product): boolean =>
      product.prefix === "/" || path === product.prefix || path.startsWith(`${product.prefix}/`);
    const owner = products.find(inside);
    if (
      !path.startsWith(CONTROL_PREFIX) &&
      (await playHeaderFault(ctx, owner, req, res)) === "handled"
    )
      return;
    for (const product of products) {
      if (!inside(product)) continue;
      const subPath = product.prefix === "/" ? path : path.slice(product.prefix.length) || "/";
      if (await product.handle(req, res, url, subPath)) return;
    }
    sendApiError(res, ctx.config.dialect, 404, "Not found", {
      details: `no route for ${req.method ?? "GET"} ${path}`,
    });
  } catch (error) {
    ctx.log(
      `error handling ${req.method ?? "?"} ${path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    if (!res.headersSent) sendApiError(res, ctx.config.dialect, 500, "Internal server error");
    else res.destroy();
  }
}

/** `X-Simulator-Fail: <fault>` makes this one request misbehave (see http/faults.ts for the spellings). */
async function playHeaderFault(
  ctx: SimulatorContext,
  owner: Product | undefined,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<"handled" | "continue"> {
  const header = req.headers["x-simulator-fail"];
  const spec = Array.isArray(header) ? header[0] : header;
  if (spec === undefined || spec.trim() === "") return "continue";
  const fault = parseFault(spec);
  if (fault === null) {
    sendJson(res, 400, { error: `invalid X-Simulator-Fail value "${spec}"` });
    return "handled";
  }
  if (owner?.playFault !== undefined) return owner.playFault(req, res, fault);
  return playFault(ctx, res, fault, authenticate(req, ctx.config.keys));
}
