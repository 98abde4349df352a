import { NextResponse } from "next/server";
import { readJson, userHandler } from "@/lib/http/handler";
import { findExecution } from "@/lib/workflows/queries";
import { triggerPublicExecution } from "@/lib/workflows/trigger";
import { publicTriggerSchema } from "@/lib/shared/workflow-schemas";

type Params = { nickname: string; slug: string; versionId: string };

/** Runs a shared version: needs sign-in; runs under (and is recorded for) the runner. */
export const POST = userHandler<Params>(async (request, context, user) => {
  const { nickname, slug, versionId } = await context.params;
  const { inputs } = publicTriggerSchema.parse(await readJson(request));
  const executionId = await triggerPublicExecution(
    user.id,
    { nickname: decodeURIComponent(nickname).replace(/^@/, ""), slug, versionId },
    inputs,
  );
  return NextResponse.json(
    { execution: await findExecution(user.id, executionId) },
    { status: 201 },
  );
});
