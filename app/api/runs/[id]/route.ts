import { after, NextResponse } from "next/server";
import { userHandler } from "@/lib/http/handler";
import { findRun } from "@/lib/runs/queries";
import { refreshRun } from "@/lib/runs/refresh-run";
import { saveRunOutputs } from "@/lib/runs/save-outputs";
import { AppError } from "@/lib/shared/errors";

/** One run, brought up to date with upstream (at most about once a second). */
export const GET = userHandler<{ id: string }>(async (_request, context, user) => {
  const { id } = await context.params;
  // Claims nothing for a run that is finished, recently refreshed, or someone else's.
  await refreshRun(id, { userId: user.id });
  const run = await findRun(user.id, id);
  if (!run) throw new AppError("not_found:run", "This run does not exist.");
  if (run.status === "succeeded" && !run.outputsSaved) {
    after(() =>
      saveRunOutputs(id).catch((error: unknown) =>
        console.error("saving outputs failed", id, error),
      ),
    );
  }
  return NextResponse.json({ run }, { headers: { "Cache-Control": "no-store" } });
});
