import "server-only";
import { env } from "../env";

/**
 * Where upstream should POST an execution's final state (`?execution=<our id>`), or undefined
 * when it could not reach us (the real platform cannot call localhost); polling and the
 * sweeper cover that case. As lib/runs/webhook-target.ts does for runs.
 */
export function executionWebhookUrl(executionId: string): string | undefined {
  const { auth, eachlabs } = env();
  if (!auth.url) return undefined;
  const base = new URL(auth.url);
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(base.hostname);
  if (local && eachlabs.target === "platform") return undefined;
  return new URL(
    `/api/webhooks/workflows?execution=${encodeURIComponent(executionId)}`,
    base,
  ).toString();
}
