import { NextResponse } from "next/server";
import { readJson, userHandler } from "@/lib/http/handler";
import { buildWorkflow } from "@/lib/workflows/build";
import { buildWorkflowSchema } from "@/lib/shared/workflow-schemas";

/**
 * Builds a workflow from a sentence with each::sense (or, with `workflowId`, changes that one
 * into a new version). Answers the workflow as now in the person's list, or sense's question.
 */
export const POST = userHandler(async (request, _context, user) => {
  const body = buildWorkflowSchema.parse(await readJson(request));
  const result = await buildWorkflow(user.id, body);
  return NextResponse.json(result, { status: result.kind === "workflow" ? 201 : 200 });
});
