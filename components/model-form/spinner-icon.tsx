import { cn } from "@/lib/shared/cn";

/** A decorative spinner: the text beside it says what is happening (ui/Spinner is a status). */
export function SpinnerIcon({ className }: { className?: string }) {
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
