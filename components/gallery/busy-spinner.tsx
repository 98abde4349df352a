import { cn } from "@/lib/shared/cn";

/** The spinner for inside a button whose text already says what is happening, so screen
 *  readers hear "Deleting…" once rather than "Loading Deleting…". */
export function BusySpinner({ className }: { className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        "inline-block size-4 shrink-0 animate-spin rounded-full border-2 border-current border-r-transparent",
        className,
      )}
    />
  );
}
