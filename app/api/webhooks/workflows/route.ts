import { after, NextResponse } from "next/server";
import { handleExecutionWebhook } from "@/lib/workflows/execution-webhook";
import { saveExecutionOutputs } from "@/lib/workflows/save-outputs";

/**
 * Execution results pushed by each::workflows (`?execution=<our id>`), either dialect.
 * Accepted only with a valid signature made with that execution's secret; duplicates and
 * late deliveries change nothing.
 */
export async function POST(request: Request) {
  const executionId = new URL(request.url).searchParams.get("execution");
  const outcome = await handleExecutionWebhook(executionId, await request.text(), request.headers);
  // Answer quickly (upstream retries slow receivers); copy the files afterwards.
  if (outcome.status === 200 && outcome.final) {
    const id = outcome.executionId;
    after(() => saveExecutionOutputs(id));
  }
  return NextResponse.json(outcome.body, { status: outcome.status });
}
