import { NextResponse } from "next/server";
import { userHandler, readJson } from "@/lib/http/handler";
import { createRun } from "@/lib/runs/create-run";
import { listRuns } from "@/lib/runs/queries";
import { createRunSchema, listRunsQuery } from "@/lib/runs/schemas";

/** Starts a run: validated, recorded, then created upstream with the person's or our key. */
export const POST = userHandler(async (request, _context, user) => {
  const body = createRunSchema.parse(await readJson(request));
  return NextResponse.json({ run: await createRun(user, body) }, { status: 201 });
});

/** The person's runs, newest first: `?model=slug&limit=20&before=<runId>`. */
export const GET = userHandler(async (request, _context, user) => {
  const query = listRunsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const runs = await listRuns(user.id, query);
  return NextResponse.json({
    runs,
    nextBefore: runs.length === query.limit ? runs.at(-1)?.id : null,
  });
});
