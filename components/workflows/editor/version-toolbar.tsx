"use client";

import { useId } from "react";
import type { UseMutationResult } from "@tanstack/react-query";
import type { ApiError } from "@/lib/client/api";
import type { WorkflowDetailView, WorkflowVersionView } from "@/lib/shared/workflow-api";
import type { WorkflowDefinition } from "@/lib/shared/workflow-types";
import { cn } from "@/lib/shared/cn";
import { BusySpinner } from "../../gallery/busy-spinner";
import { Alert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { Card } from "../../ui/card";
import { LockIcon } from "../../ui/icons";
import { inlineSelectClass } from "../steps/field-classes";
import { VersionStatusBadge } from "../version-status-badge";
import { ShareLink } from "./share-link";
import { ShareSwitch } from "./share-switch";
import type { VersionAction } from "./use-version-actions";

type Mutation = UseMutationResult<
  { versionId: string; workflow: WorkflowDetailView },
  ApiError,
  VersionAction
>;

const LOCKED = "This version is locked; save a new version instead.";
const PENDING: Record<VersionAction["kind"], string> = {
  save: "Saving…",
  new: "Saving a new version…",
  lock: "Changing the lock…",
  status: "Changing the status…",
  share: "Changing sharing…",
};

/** The version being edited and what can be done with it. */
export function VersionToolbar({
  workflow,
  version,
  draft,
  dirty,
  problemCount,
  onSelect,
  mutation,
}: {
  workflow: WorkflowDetailView;
  version: WorkflowVersionView | null;
  draft: WorkflowDefinition;
  dirty: boolean;
  problemCount: number;
  onSelect: (versionId: string) => void;
  mutation: Mutation;
}) {
  const id = useId();
  const pending = mutation.isPending ? mutation.variables?.kind : undefined;
  const busy = mutation.isPending;
  const invalid = problemCount > 0;
  const saveReason = !version
    ? "This workflow has no version yet."
    : version.locked
      ? LOCKED
      : invalid
        ? `Fix ${problemCount === 1 ? "the problem" : `the ${problemCount} problems`} below before saving.`
        : null;
  const error = mutation.error;
  const lockedError = error?.code === "forbidden:version_locked";
  const run = (action: VersionAction) => mutation.mutate(action);
  const saveNew = () => run({ kind: "new", definition: draft });

  return (
    <Card className="space-y-3 p-3 sm:p-4">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <label htmlFor={`${id}-version`} className="text-sm font-medium">
          Version
        </label>
        <select
          id={`${id}-version`}
          value={version?.versionId ?? ""}
          onChange={(event) => onSelect(event.target.value)}
          className={cn(inlineSelectClass, "min-w-32 font-mono")}
        >
          {workflow.versions.map((v) => (
            <option key={v.versionId} value={v.versionId}>
              {v.versionId} · {v.status}
              {v.locked ? " · locked" : ""}
              {v.versionId === workflow.latestVersionId ? " · latest" : ""}
            </option>
          ))}
        </select>
        {version ? <VersionStatusBadge status={version.status} locked={version.locked} /> : null}
        <span aria-live="polite" className="text-xs text-muted-foreground">
          {dirty ? (
            <span className="inline-flex items-center gap-1.5 font-medium text-foreground">
              <span aria-hidden="true" className="size-2 rounded-full bg-warning" />
              Unsaved changes
            </span>
          ) : null}
        </span>
        {!workflow.synced ? (
          <span className="text-xs text-muted-foreground" title={workflow.syncError ?? undefined}>
            each::workflows did not answer; showing our last copy.
          </span>
        ) : null}
      </div>

      <div className="flex flex-wrap items-center gap-2">
        <Button
          onClick={() =>
            version && run({ kind: "save", versionId: version.versionId, definition: draft })
          }
          disabled={busy || saveReason !== null}
          aria-describedby={saveReason ? `${id}-reason` : undefined}
        >
          {pending === "save" ? <BusySpinner /> : null}
          Save
        </Button>
        <Button
          variant={version?.locked ? "primary" : "secondary"}
          onClick={saveNew}
          disabled={busy || invalid}
          aria-describedby={invalid ? `${id}-reason` : undefined}
        >
          {pending === "new" ? <BusySpinner /> : null}
          Save as new version
        </Button>
        {version ? (
          <>
            <Button
              variant="outline"
              onClick={() =>
                run({ kind: "lock", versionId: version.versionId, locked: !version.locked })
              }
              disabled={busy}
            >
              {pending === "lock" ? <BusySpinner /> : <LockIcon width={16} height={16} />}
              {version.locked ? "Unlock" : "Lock"}
            </Button>
            {version.status === "active" ? (
              <Button
                variant="outline"
                onClick={() =>
                  run({ kind: "status", versionId: version.versionId, status: "archived" })
                }
                disabled={busy}
              >
                {pending === "status" ? <BusySpinner /> : null}
                Archive
              </Button>
            ) : (
              <Button
                variant="outline"
                onClick={() =>
                  run({ kind: "status", versionId: version.versionId, status: "active" })
                }
                disabled={busy}
              >
                {pending === "status" ? <BusySpinner /> : null}
                Restore
              </Button>
            )}
            <ShareSwitch
              shared={version.allowedToShare}
              pending={pending === "share"}
              disabled={busy}
              onToggle={() =>
                run({
                  kind: "share",
                  versionId: version.versionId,
                  shared: !version.allowedToShare,
                })
              }
            />
          </>
        ) : null}
      </div>

      <p className="sr-only" aria-live="polite">
        {pending ? PENDING[pending] : ""}
      </p>
      {saveReason ? (
        <p id={`${id}-reason`} className="text-sm text-muted-foreground">
          {saveReason}
        </p>
      ) : null}
      {error && !busy ? (
        lockedError ? (
          <Alert tone="warning" title={error.message}>
            Locked versions stay exactly as they are (unlocking included). Your edits are kept here:
            use Save as new version to keep them as the next version.
          </Alert>
        ) : (
          <Alert tone="error">{error.message}</Alert>
        )
      ) : null}
      {version?.share ? <ShareLink share={version.share} /> : null}
      {version?.allowedToShare && !version.share ? (
        <p className="text-sm text-muted-foreground">
          Shared. each::workflows has not given this version a public link yet.
        </p>
      ) : null}
    </Card>
  );
}
