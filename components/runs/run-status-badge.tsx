import { cn } from "@/lib/shared/cn";
import { STATUS_LABELS, type RunStatus } from "@/lib/shared/run-status";

const TONES: Record<RunStatus, string> = {
  queued: "bg-muted text-muted-foreground",
  starting: "bg-accent text-accent-foreground",
  processing: "bg-accent text-accent-foreground",
  succeeded: "bg-success/15 text-success",
  failed: "bg-destructive/15 text-destructive",
  cancelled: "bg-muted text-muted-foreground",
};

export function RunStatusBadge({ status, className }: { status: RunStatus; className?: string }) {
  const live = status === "starting" || status === "processing" || status === "queued";
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-medium",
        TONES[status],
        className,
      )}
    >
      {live ? (
        <span aria-hidden="true" className="size-1.5 animate-pulse rounded-full bg-current" />
      ) : null}
      {STATUS_LABELS[status]}
    </span>
  );
}
