// The run as the browser sees it (GET /api/runs/:id). Browser-safe.
import type { AssetKind } from "./media-kind";
import type { RunStatus } from "./run-status";

export type RunAssetView = {
  id: string;
  kind: AssetKind;
  contentType: string;
  byteSize: number;
  url: string;
  position: number;
};

export type RunView = {
  id: string;
  modelSlug: string;
  modelVersion: string;
  modelTitle: string | null;
  input: Record<string, unknown>;
  status: RunStatus;
  output: unknown;
  logs: string | null;
  error: { code: string; message: string } | null;
  predictTime: number | null;
  cost: number | null;
  keySource: "server" | "user";
  createdAt: string;
  completedAt: string | null;
  /** True once every output is copied into our storage (then `assets` lists them). */
  outputsSaved: boolean;
  assets: RunAssetView[];
};
