import { NextResponse } from "next/server";
import { readJson, userHandler } from "@/lib/http/handler";
import { getWorkflowDetail, updateWorkflowMetadata } from "@/lib/workflows/manage";
import { updateWorkflowSchema } from "@/lib/shared/workflow-schemas";

/** One workflow with every version, refreshed from upstream (our copy when upstream fails). */
export const GET = userHandler<{ id: string }>(async (_request, context, user) => {
  const { id } = await context.params;
  return NextResponse.json(
    { workflow: await getWorkflowDetail(user.id, id) },
    { headers: { "Cache-Control": "no-store" } },
  );
});

/** Renames it, or changes its description or categories. */
export const PUT = userHandler<{ id: string }>(async (request, context, user) => {
  const { id } = await context.params;
  const changes = updateWorkflowSchema.parse(await readJson(request));
  await updateWorkflowMetadata(user.id, id, changes);
  return NextResponse.json({ workflow: await getWorkflowDetail(user.id, id) });
});
