import "server-only";
import { env } from "../env";

/**
 * Where upstream should POST a run's result, or undefined when it could not reach us
 * (the real platform cannot call localhost); the sweeper's polling covers that case.
 */
export function webhookUrlFor(runId: string): string | undefined {
  const { auth, eachlabs } = env();
  if (!auth.url) return undefined;
  const base = new URL(auth.url);
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(base.hostname);
  if (local && eachlabs.target === "platform") return undefined;
  return new URL(`/api/webhooks/eachlabs?run=${encodeURIComponent(runId)}`, base).toString();
}
