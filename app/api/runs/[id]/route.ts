import { after, NextResponse } from "next/server";
import { db } from "@/lib/db";
import { userHandler } from "@/lib/http/handler";
import { findRun } from "@/lib/runs/queries";
import { refreshRun } from "@/lib/runs/refresh-run";
import { saveRunOutputs } from "@/lib/runs/save-outputs";
import { AppError } from "@/lib/shared/errors";
import { isTerminal } from "@/lib/shared/run-status";

/** One run, brought up to date with upstream (at most about once a second). */
export const GET = userHandler<{ id: string }>(async (_request, context, user) => {
  const { id } = await context.params;
  const owned = await db().run.findFirst({
    where: { id, userId: user.id },
    select: { status: true },
  });
  if (!owned) throw new AppError("not_found:run", "This run does not exist.");
  if (!isTerminal(owned.status)) await refreshRun(id);
  const run = await findRun(user.id, id);
  if (run?.status === "succeeded" && !run.outputsSaved) {
    after(() =>
      saveRunOutputs(id).catch((error: unknown) =>
        console.error("saving outputs failed", id, error),
      ),
    );
  }
  return NextResponse.json({ run }, { headers: { "Cache-Control": "no-store" } });
});
