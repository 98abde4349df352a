import { after, NextResponse } from "next/server";
import { userHandler } from "@/lib/http/handler";
import { liveExecution } from "@/lib/workflows/queries";
import { saveExecutionOutputs } from "@/lib/workflows/save-outputs";
import { isTerminalExecution } from "@/lib/shared/workflow-types";

/** One execution, brought up to date with upstream (at most about once a second). */
export const GET = userHandler<{ id: string }>(async (_request, context, user) => {
  const { id } = await context.params;
  const execution = await liveExecution(user.id, id);
  if (isTerminalExecution(execution.status) && !execution.outputsSaved)
    after(() => saveExecutionOutputs(id));
  return NextResponse.json({ execution }, { headers: { "Cache-Control": "no-store" } });
});
