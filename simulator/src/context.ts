import type { Catalog } from "./catalog/catalog.js";
import type { ResolvedOptions } from "./options.js";
import type { RuntimeConfig } from "./runtime-config.js";
import type { Scheduler } from "./scheduler.js";
import type { MediaStore } from "./media/media-store.js";
import type { UploadStore } from "./uploads/upload-store.js";
import type { PredictionEngine } from "./predictions/prediction-engine.js";
import type { WebhookSender } from "./webhooks/webhook-sender.js";
import type { AccountLedger } from "./api/account-ledger.js";
import type { RateLimiter } from "./api/rate-limiter.js";

/**
 * The services every product shares. each::workflows and each::sense routers get
 * the same object, so a workflow's model step can run through `predictions` and
 * its outputs land in the same `media` store.
 */
export interface SimulatorContext {
  options: ResolvedOptions;
  config: RuntimeConfig;
  catalog: Catalog;
  scheduler: Scheduler;
  media: MediaStore;
  uploads: UploadStore;
  predictions: PredictionEngine;
  webhooks: WebhookSender;
  accounts: AccountLedger;
  rateLimiter: RateLimiter;
  /** Base URL put into every URL the simulator hands out; known once the port is bound. */
  publicUrl(): string;
  log(line: string): void;
}
