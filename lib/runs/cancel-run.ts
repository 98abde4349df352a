import "server-only";
import { db } from "../db";
import { accessFor } from "../eachlabs/access";
import { cancelPrediction } from "../eachlabs/client";
import { toAppError } from "../eachlabs/error-mapping";
import { AppError } from "../shared/errors";

/** Asks upstream to stop the run, then records it as cancelled (upstream cancels best-effort). */
export async function cancelRun(userId: string, runId: string): Promise<void> {
  const run = await db().run.findFirst({
    where: { id: runId, userId },
    select: { predictionId: true, status: true },
  });
  if (!run) throw new AppError("not_found:run", "This run does not exist.");
  if (!["queued", "starting", "processing"].includes(run.status)) return;
  if (run.predictionId) {
    try {
      await cancelPrediction(await accessFor(userId), run.predictionId, { retries: 1 });
    } catch (error) {
      throw toAppError(error, "cancel");
    }
  }
  await db().run.updateMany({
    where: { id: runId, userId, status: { in: ["queued", "starting", "processing"] } },
    data: { status: "cancelled", completedAt: new Date(), errorMessage: null },
  });
}
