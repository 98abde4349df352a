import { NextResponse } from "next/server";
import { userHandler } from "@/lib/http/handler";
import { listExecutionsOf } from "@/lib/workflows/queries";
import { listExecutionsQuery } from "@/lib/shared/workflow-schemas";

/** All the person's executions (shared versions they ran too): `?workflowId=&limit=&before=`. */
export const GET = userHandler(async (request, _context, user) => {
  const query = listExecutionsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const executions = await listExecutionsOf(user.id, query);
  return NextResponse.json({
    executions,
    nextBefore: executions.length === query.limit ? executions.at(-1)?.id : null,
  });
});
