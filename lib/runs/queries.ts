import "server-only";
import { db } from "../db";
import type { RunView } from "../shared/run-types";
import { toRunView } from "./run-view";

/** A run of this person's (ownership is part of the query), or null. */
export async function findRun(userId: string, runId: string): Promise<RunView | null> {
  const run = await db().run.findFirst({ where: { id: runId, userId }, include: { assets: true } });
  return run ? toRunView(run) : null;
}

/** Newest first, optionally for one model; `before` is the id of the last run already shown. */
export async function listRuns(
  userId: string,
  options: { model?: string | undefined; limit: number; before?: string | undefined },
): Promise<RunView[]> {
  const runs = await db().run.findMany({
    where: { userId, ...(options.model ? { modelSlug: options.model } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit,
    ...(options.before ? { cursor: { id: options.before }, skip: 1 } : {}),
    include: { assets: true },
  });
  return runs.map(toRunView);
}
