import { NextResponse } from "next/server";
import { readJson, userHandler } from "@/lib/http/handler";
import { createExampleFor, WORKFLOW_EXAMPLES } from "@/lib/workflows/examples";
import { getWorkflowDetail } from "@/lib/workflows/manage";
import { createExampleSchema } from "@/lib/shared/workflow-schemas";

/** The examples an editor can start from. */
export const GET = userHandler(async () => NextResponse.json({ examples: WORKFLOW_EXAMPLES }));

/** Creates one of them (`{example: "image-enhancement-pipeline"}`) as the person's workflow. */
export const POST = userHandler(async (request, _context, user) => {
  const { example } = createExampleSchema.parse(await readJson(request));
  const id = await createExampleFor(user.id, example);
  return NextResponse.json({ workflow: await getWorkflowDetail(user.id, id) }, { status: 201 });
});
