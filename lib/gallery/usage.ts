import "server-only";
import { db } from "../db";

export type UsageDay = { day: string; runs: number; cost: number };
export type UsageModel = { model: string; runs: number; cost: number };
export type Usage = {
  days: UsageDay[];
  models: UsageModel[];
  totalRuns: number;
  totalCost: number;
};

/** Runs and cost per day (all 30, zeros included) and per model, over the last 30 days. */
export async function usageFor(userId: string, now = new Date()): Promise<Usage> {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 29));
  const [byDay, byModel] = await Promise.all([
    db().$queryRaw<{ day: string; runs: bigint | number; cost: number | null }[]>`
      SELECT to_char(date_trunc('day', "createdAt"), 'YYYY-MM-DD') AS day, count(*) AS runs, sum(coalesce("cost", 0)) AS cost
      FROM "Run" WHERE "userId" = ${userId} AND "createdAt" >= ${start}
      GROUP BY 1 ORDER BY 1`,
    db().$queryRaw<{ model: string; runs: bigint | number; cost: number | null }[]>`
      SELECT "modelSlug" AS model, count(*) AS runs, sum(coalesce("cost", 0)) AS cost
      FROM "Run" WHERE "userId" = ${userId} AND "createdAt" >= ${start}
      GROUP BY 1 ORDER BY 3 DESC, 2 DESC`,
  ]);
  const found = new Map(byDay.map((row) => [row.day, row]));
  const days: UsageDay[] = Array.from({ length: 30 }, (_, i) => {
    const day = new Date(start.getTime() + i * 86_400_000).toISOString().slice(0, 10);
    const row = found.get(day);
    return { day, runs: Number(row?.runs ?? 0), cost: Number(row?.cost ?? 0) };
  });
  const models = byModel.map((row) => ({
    model: row.model,
    runs: Number(row.runs),
    cost: Number(row.cost ?? 0),
  }));
  return {
    days,
    models,
    totalRuns: days.reduce((sum, day) => sum + day.runs, 0),
    totalCost: days.reduce((sum, day) => sum + day.cost, 0),
  };
}
