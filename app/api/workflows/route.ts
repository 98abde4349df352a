import { NextResponse } from "next/server";
import { readJson, userHandler } from "@/lib/http/handler";
import { createWorkflowFor, getWorkflowDetail, listWorkflows } from "@/lib/workflows/manage";
import { createWorkflowSchema, listWorkflowsQuery } from "@/lib/shared/workflow-schemas";

/** The person's workflows, most recently changed first: `?category=slug`. */
export const GET = userHandler(async (request, _context, user) => {
  const query = listWorkflowsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json({ workflows: await listWorkflows(user.id, query) });
});

/** Creates a workflow: the definition is checked here first (400 naming the step), then upstream. */
export const POST = userHandler(async (request, _context, user) => {
  const body = createWorkflowSchema.parse(await readJson(request));
  const id = await createWorkflowFor(user.id, body);
  return NextResponse.json({ workflow: await getWorkflowDetail(user.id, id) }, { status: 201 });
});
