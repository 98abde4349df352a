import "server-only";
import type { Asset, Run } from "../generated/prisma/client";
import type { RunStatus } from "../shared/run-status";
import type { RunView } from "../shared/run-types";

/** What the browser may see of a run: never the webhook secret, never a key. */
export function toRunView(run: Run & { assets: Asset[] }): RunView {
  return {
    id: run.id,
    modelSlug: run.modelSlug,
    modelVersion: run.modelVersion,
    modelTitle: run.modelTitle,
    input: (run.input ?? {}) as Record<string, unknown>,
    status: run.status as RunStatus,
    output: run.output ?? null,
    logs: run.logs,
    error: run.errorCode ? { code: run.errorCode, message: run.errorMessage ?? "" } : null,
    predictTime: run.predictTime,
    cost: run.cost,
    keySource: run.keySource === "user" ? "user" : "server",
    createdAt: run.createdAt.toISOString(),
    completedAt: run.completedAt?.toISOString() ?? null,
    outputsSaved: run.outputsSavedAt !== null,
    assets: [...run.assets]
      .sort((a, b) => a.position - b.position)
      .map((asset) => ({
        id: asset.id,
        kind: asset.kind as RunView["assets"][number]["kind"],
        contentType: asset.contentType,
        byteSize: asset.byteSize,
        url: `/api/assets/${asset.id}/file`,
        position: asset.position,
      })),
  };
}
