import type { Dialect } from "../options.js";
import type { Markers } from "../predictions/markers.js";
import type { PredictionRecord } from "../predictions/prediction-record.js";
import { scaled, type RuntimeConfig } from "../runtime-config.js";
import type { Scheduler } from "../scheduler.js";
import { webhookSignature } from "./sign.js";
import type { WebhookAttempt, WebhookDelivery } from "./webhook-delivery.js";
import { webhookPayload } from "./webhook-payload.js";

/** Delays between attempts (first is immediate), before the time factor. */
const RETRY_SCHEDULES: Record<Dialect, readonly number[]> = {
  // Reference: "Retry schedule: ~30s, ~2min, ~10min" → 1 attempt + 3 retries.
  reference: [0, 30_000, 120_000, 600_000],
  // Official: 3 attempts in total, ~10 s apart.
  official: [0, 10_000, 10_000],
};

const ATTEMPT_TIMEOUT_MS = 10_000;
const DEFAULT_LATE_MS = 5_000;
const RESPONSE_EXCERPT = 1_000;

export type WebhookMarkers = Pick<
  Markers,
  "webhookFail" | "webhookDuplicate" | "webhookLate" | "webhookBadSignature"
>;

export interface OutgoingWebhook {
  /** The prediction or execution id; deliveries are listed under it at GET /v1/webhooks/{id}. */
  id: string;
  key: string;
  url: string;
  secret: string | null;
  payload: Record<string, unknown>;
  source: string;
  markers: WebhookMarkers;
}

interface Quirks {
  drop: boolean;
  duplicate: boolean;
  delayMs: number;
}

/** Sends (and re-sends) webhooks for predictions that end, and keeps the delivery records. */
export class WebhookSender {
  private readonly deliveries = new Map<string, WebhookDelivery>();

  constructor(
    private readonly config: RuntimeConfig,
    private readonly scheduler: Scheduler,
    private readonly log: (line: string) => void,
  ) {}

  onTerminal(record: PredictionRecord): void {
    if (record.webhook === null) return;
    const payload = webhookPayload(record, this.config.dialect);
    if (payload === null) return;
    this.send({
      id: record.id,
      key: record.key,
      url: record.webhook.url,
      secret: record.webhook.secret,
      payload,
      source: "prediction",
      markers: record.markers,
    });
  }

  /**
   * Signs (when a secret is given), records and delivers one webhook on the
   * dialect's retry schedule. Predictions use it on their terminal state;
   * each::workflows for executions (source "workflow"). `markers` are the
   * `[[webhook-*]]` switches read from the prediction's or execution's inputs.
   */
  send(webhook: OutgoingWebhook): void {
    const dialect = this.config.dialect;
    const body = JSON.stringify(webhook.payload);
    const headers: Record<string, string> = {
      "Content-Type": "application/json",
      "User-Agent": "eachlabs-webhooks/1.0 (simulator)",
    };
    const secret = webhook.secret;
    if (secret !== null) {
      const timestamp = Math.floor(Date.now() / 1000);
      const badSignature = webhook.markers.webhookBadSignature || this.config.badWebhookSignatures;
      headers["X-Webhook-Timestamp"] = String(timestamp);
      headers["X-Webhook-Signature"] = webhookSignature(
        badSignature ? `not-${secret}` : secret,
        timestamp,
        body,
      );
      // The official platform still sends the legacy header carrying the secret itself.
      if (dialect === "official") headers["X-Webhook-Secret"] = secret;
    }
    const delivery: WebhookDelivery = {
      executionId: webhook.id,
      key: webhook.key,
      url: webhook.url,
      body,
      headers,
      source: webhook.source,
      createdAt: new Date(),
      attempts: [],
    };
    this.deliveries.set(delivery.executionId, delivery);
    this.schedule(delivery, RETRY_SCHEDULES[dialect], 0, this.quirksFor(webhook.markers));
  }

  /** Misbehaviour for this delivery, from the markers and the switches. */
  private quirksFor(markers: WebhookMarkers): Quirks {
    const lateByConfig = this.config.lateWebhooksMs;
    return {
      drop:
        markers.webhookFail ||
        (this.config.failWebhooks > 0 && Math.random() < this.config.failWebhooks),
      duplicate: markers.webhookDuplicate || this.config.duplicateWebhooks,
      delayMs: lateByConfig > 0 ? lateByConfig : markers.webhookLate ? DEFAULT_LATE_MS : 0,
    };
  }

  get(executionId: string): WebhookDelivery | undefined {
    return this.deliveries.get(executionId);
  }

  /** Newest first, only the caller's own. */
  list(key: string): WebhookDelivery[] {
    return [...this.deliveries.values()].filter((delivery) => delivery.key === key).reverse();
  }

  clear(): void {
    this.deliveries.clear();
  }

  private schedule(
    delivery: WebhookDelivery,
    schedule: readonly number[],
    index: number,
    quirks: Quirks,
  ): void {
    const delay = schedule[index];
    if (delay === undefined) return;
    const wait = scaled(this.config, delay) + (index === 0 ? quirks.delayMs : 0);
    this.scheduler.after(wait, () => {
      void this.attempt(delivery, quirks).then((delivered) => {
        if (!delivered) this.schedule(delivery, schedule, index + 1, quirks);
      });
    });
  }

  /** One POST; resolves true when the receiver acknowledged with a 2xx. */
  private async attempt(delivery: WebhookDelivery, quirks: Quirks): Promise<boolean> {
    const attempt: WebhookAttempt = {
      status: "PENDING",
      status_code: null,
      response: null,
      error_message: null,
      created_at: new Date().toISOString(),
    };
    delivery.attempts.push(attempt);
    if (quirks.drop) {
      attempt.status = "FAILED";
      attempt.error_message = "delivery dropped by the simulator (webhook failure switch)";
      return false;
    }
    const delivered = await this.post(delivery, attempt);
    if (delivered && quirks.duplicate) {
      // At-least-once delivery: the receiver must treat the same event twice as once.
      const duplicate: WebhookAttempt = {
        ...attempt,
        status: "PENDING",
        created_at: new Date().toISOString(),
      };
      delivery.attempts.push(duplicate);
      await this.post(delivery, duplicate);
    }
    return delivered;
  }

  private async post(delivery: WebhookDelivery, attempt: WebhookAttempt): Promise<boolean> {
    try {
      const response = await fetch(delivery.url, {
        method: "POST",
        headers: delivery.headers,
        body: delivery.body,
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      const text = await response.text().catch(() => "");
      attempt.status_code = response.status;
      attempt.response = text.slice(0, RESPONSE_EXCERPT);
      attempt.status = response.ok ? "SUCCESS" : "FAILED";
      if (!response.ok) attempt.error_message = `receiver answered HTTP ${response.status}`;
      return response.ok;
    } catch (error) {
      attempt.status = "FAILED";
      attempt.error_message =
        error instanceof Error
          ? error.cause instanceof Error
            ? error.cause.message
            : error.message
          : String(error);
      this.log(
        `webhook ${delivery.executionId} → ${delivery.url} failed: ${attempt.error_message}`,
      );
      return false;
    }
  }
}
