import { NextResponse } from "next/server";
import { readJson, userHandler } from "@/lib/http/handler";
import { findExecution } from "@/lib/workflows/queries";
import { triggerExecution } from "@/lib/workflows/trigger";
import { triggerSchema } from "@/lib/shared/workflow-schemas";

/**
 * Runs a version (default: the latest) with `inputs`, checked against its input_schema first
 * (422 with `error.fields`). The execution is recorded before upstream is called.
 */
export const POST = userHandler<{ id: string }>(async (request, context, user) => {
  const { id } = await context.params;
  const body = triggerSchema.parse(await readJson(request));
  const executionId = await triggerExecution(user.id, id, body);
  return NextResponse.json(
    { execution: await findExecution(user.id, executionId) },
    { status: 201 },
  );
});
