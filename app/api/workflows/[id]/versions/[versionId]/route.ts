import { NextResponse } from "next/server";
import { readJson, userHandler } from "@/lib/http/handler";
import { getWorkflowDetail, saveVersion } from "@/lib/workflows/manage";
import { putVersionSchema } from "@/lib/shared/workflow-schemas";

/**
 * Creates or changes a version: definition, status, locked, allowedToShare. A locked version
 * refuses every change (403 "This version is locked; save a new version instead").
 */
export const PUT = userHandler<{ id: string; versionId: string }>(
  async (request, context, user) => {
    const { id, versionId } = await context.params;
    const changes = putVersionSchema.parse(await readJson(request));
    await saveVersion(user.id, id, versionId, changes);
    return NextResponse.json({ versionId, workflow: await getWorkflowDetail(user.id, id) });
  },
);
