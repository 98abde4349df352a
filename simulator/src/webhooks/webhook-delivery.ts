export type AttemptStatus = "PENDING" | "SUCCESS" | "FAILED";

export interface WebhookAttempt {
  status: AttemptStatus;
  status_code: number | null;
  response: string | null;
  error_message: string | null;
  created_at: string;
}

/** One webhook (one prediction's terminal notification) and every attempt to deliver it. */
export interface WebhookDelivery {
  executionId: string;
  key: string;
  url: string;
  body: string;
  headers: Record<string, string>;
  source: string;
  createdAt: Date;
  attempts: WebhookAttempt[];
}

/** List shape from the official spec. The legacy secret header is masked: this is a read API. */
export function deliverySummary(delivery: WebhookDelivery): Record<string, unknown> {
  const headers = { ...delivery.headers };
  if (headers["X-Webhook-Secret"] !== undefined) headers["X-Webhook-Secret"] = "********";
  return {
    execution_id: delivery.executionId,
    url: delivery.url,
    request: delivery.body,
    headers,
    source: delivery.source,
    created_at: delivery.createdAt.toISOString(),
  };
}

export function deliveryDetail(delivery: WebhookDelivery): Record<string, unknown> {
  return {
    ...deliverySummary(delivery),
    attempts: delivery.attempts.map((attempt) => ({ ...attempt })),
  };
}
