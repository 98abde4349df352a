import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { userHandler } from "@/lib/http/handler";
import { AppError } from "@/lib/shared/errors";
import { listExecutionsQuery } from "@/lib/shared/workflow-schemas";
import { listExecutionsOf } from "@/lib/workflows/queries";

/** The workflow's executions, newest first: `?limit=20&before=<executionId>`. */
export const GET = userHandler<{ id: string }>(async (request, context, user) => {
  const { id } = await context.params;
  const owned = await db().workflow.findFirst({
    where: { id, userId: user.id },
    select: { id: true },
  });
  if (!owned) throw new AppError("not_found:workflow", "This workflow does not exist.");
  const query = listExecutionsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const executions = await listExecutionsOf(user.id, { ...query, workflowId: id });
  return NextResponse.json({
    executions,
    nextBefore: executions.length === query.limit ? executions.at(-1)?.id : null,
  });
});
