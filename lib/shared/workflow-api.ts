// What the workflow endpoints answer (app/api/workflows/**). Browser-safe: the UI reads these.
import type { AssetKind } from "./media-kind";
import type { ExecutionStatus, WorkflowDefinition } from "./workflow-types";

export type VersionStatus = "active" | "archived" | "deleted";

export type WorkflowVersionView = {
  versionId: string;
  status: VersionStatus;
  locked: boolean;
  allowedToShare: boolean;
  definition: WorkflowDefinition | null;
  /** While shared: the parts of our public route (`/api/workflows/public/:nickname/:slug/:versionId`). */
  share: { nickname: string; slug: string; versionId: string; apiPath: string } | null;
  createdAt: string;
  updatedAt: string;
};

export type ExecutionBrief = { id: string; status: ExecutionStatus; createdAt: string };

export type WorkflowSummaryView = {
  id: string;
  upstreamId: string;
  slug: string;
  name: string;
  description: string;
  categories: string[];
  /** "api" (made in the editor), "sense" (built by each::sense) or "example". */
  source: string;
  latestVersionId: string | null;
  latestVersion: {
    versionId: string;
    status: VersionStatus;
    locked: boolean;
    stepCount: number;
  } | null;
  lastExecution: ExecutionBrief | null;
  createdAt: string;
  updatedAt: string;
};

export type WorkflowDetailView = WorkflowSummaryView & {
  versions: WorkflowVersionView[];
  /** False when upstream could not be asked just now: the versions are our last copy. */
  synced: boolean;
  syncError: string | null;
};

export type ExecutionAssetView = {
  id: string;
  stepId: string;
  position: number;
  kind: AssetKind;
  contentType: string;
  url: string;
  thumbUrl: string | null;
};

export type WorkflowExecutionSummaryView = {
  id: string;
  workflowId: string | null;
  workflowName: string | null;
  versionId: string;
  upstreamExecutionId: string | null;
  bulkId: string | null;
  /** "@nickname/slug/version" for a run of someone's shared version. */
  publicRef: string | null;
  status: ExecutionStatus;
  inputs: Record<string, unknown>;
  error: { code: string; message: string; cause?: string } | null;
  totalCost: number | null;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
};

export type WorkflowExecutionView = WorkflowExecutionSummaryView & {
  /** upstream's step_outputs, keyed by step id (feed to stepTimeline with `definition`). */
  stepOutputs: Record<string, unknown>;
  output: unknown;
  /** The definition it ran. */
  definition: WorkflowDefinition | null;
  updatedAt: string;
  /** True once every media URL of its outputs is copied (then `assets` lists them). */
  outputsSaved: boolean;
  assets: ExecutionAssetView[];
};

export type BulkRowResult =
  | { index: number; ok: true; execution: WorkflowExecutionSummaryView }
  | {
      index: number;
      ok: false;
      error: { code: string; message: string; fields?: Record<string, string> };
      /** Recorded when upstream refused the row (so it shows in the list). */
      executionId?: string;
    };

export type PublicWorkflowView = {
  nickname: string;
  slug: string;
  versionId: string;
  upstreamWorkflowId: string;
  name: string;
  description: string;
  categories: string[];
  status: string;
  definition: WorkflowDefinition | null;
};

export type BuildResult =
  | { kind: "workflow"; workflow: WorkflowDetailView; versionId: string; message: string | null }
  | { kind: "question"; question: string; options: string[]; sessionId: string | null };

export type WorkflowCategory = { slug: string; label: string; description: string };
