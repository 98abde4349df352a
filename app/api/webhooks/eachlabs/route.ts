import { after, NextResponse } from "next/server";
import { db } from "@/lib/db";
import { applyPredictionReport } from "@/lib/runs/apply-prediction";
import { saveRunOutputs } from "@/lib/runs/save-outputs";
import { verifyWebhook } from "@/lib/runs/webhook-signature";
import { parseWebhookPayload } from "@/lib/runs/webhook-payload";

/**
 * Prediction results pushed by each::labs (`?run=<our run id>`). Accepted only with a valid
 * signature made with that run's secret; duplicates and late deliveries change nothing.
 */
export async function POST(request: Request) {
  const runId = new URL(request.url).searchParams.get("run");
  const raw = await request.text();
  const run = runId
    ? await db().run.findUnique({
        where: { id: runId },
        select: { id: true, webhookSecret: true, predictionId: true },
      })
    : null;
  if (!run?.webhookSecret) return NextResponse.json({ error: "unknown run" }, { status: 404 });

  const check = verifyWebhook(raw, request.headers, run.webhookSecret);
  if (!check.ok)
    return NextResponse.json({ error: `invalid signature: ${check.reason}` }, { status: 401 });

  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return NextResponse.json({ error: "body is not JSON" }, { status: 400 });
  }
  const parsed = parseWebhookPayload(body);
  if (!parsed) return NextResponse.json({ error: "unrecognised payload" }, { status: 400 });
  if (parsed.predictionId && run.predictionId && parsed.predictionId !== run.predictionId) {
    return NextResponse.json({ error: "prediction does not belong to this run" }, { status: 400 });
  }

  await applyPredictionReport(run.id, parsed.report);
  // Answer quickly (upstream retries slow receivers); copy the files afterwards.
  after(() =>
    saveRunOutputs(run.id).catch((error: unknown) =>
      console.error("saving outputs failed", run.id, error),
    ),
  );
  return NextResponse.json({ ok: true });
}
