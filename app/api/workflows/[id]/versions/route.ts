import { NextResponse } from "next/server";
import { readJson, userHandler } from "@/lib/http/handler";
import { getWorkflowDetail, saveNewVersion } from "@/lib/workflows/manage";
import { newVersionSchema } from "@/lib/shared/workflow-schemas";

/** "Save as new version": the definition becomes the next free vN (v2, v3…), the latest. */
export const POST = userHandler<{ id: string }>(async (request, context, user) => {
  const { id } = await context.params;
  const body = newVersionSchema.parse(await readJson(request));
  const versionId = await saveNewVersion(user.id, id, body);
  return NextResponse.json(
    { versionId, workflow: await getWorkflowDetail(user.id, id) },
    { status: 201 },
  );
});
