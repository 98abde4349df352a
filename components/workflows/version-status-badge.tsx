import { cn } from "@/lib/shared/cn";
import type { VersionStatus } from "@/lib/shared/workflow-api";
import { LockIcon } from "../ui/icons";

const TONES: Record<VersionStatus, string> = {
  active: "bg-success/15 text-success",
  archived: "bg-muted text-muted-foreground",
  deleted: "bg-destructive/15 text-destructive",
};

/** "active" / "archived" / "deleted", with a lock when the version is locked. */
export function VersionStatusBadge({
  status,
  locked,
  className,
}: {
  status: VersionStatus;
  locked: boolean;
  className?: string;
}) {
  return (
    <span className={cn("inline-flex items-center gap-1.5", className)}>
      <span className={cn("rounded-full px-2 py-0.5 text-xs font-medium", TONES[status])}>
        {status}
      </span>
      {locked ? (
        <span
          className="inline-flex items-center gap-1 text-xs text-muted-foreground"
          title="Locked: this version cannot change"
        >
          <LockIcon width={14} height={14} />
          <span className="sr-only sm:not-sr-only">locked</span>
        </span>
      ) : null}
    </span>
  );
}
