import { NextResponse } from "next/server";
import { readJson, userHandler } from "@/lib/http/handler";
import { bulkTriggerExecutions } from "@/lib/workflows/trigger";
import { bulkTriggerSchema } from "@/lib/shared/workflow-schemas";

/** Runs 1–10 rows of inputs at once; each row succeeds or fails on its own (`results[]`). */
export const POST = userHandler<{ id: string }>(async (request, context, user) => {
  const { id } = await context.params;
  const body = bulkTriggerSchema.parse(await readJson(request));
  return NextResponse.json(await bulkTriggerExecutions(user.id, id, body));
});
