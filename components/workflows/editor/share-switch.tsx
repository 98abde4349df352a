import { cn } from "@/lib/shared/cn";
import { BusySpinner } from "../../gallery/busy-spinner";

/** "Share": whether anyone with the link may see and run this version (allowed_to_share). */
export function ShareSwitch({
  shared,
  pending,
  disabled,
  onToggle,
}: {
  shared: boolean;
  pending: boolean;
  disabled: boolean;
  onToggle: () => void;
}) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={shared}
      disabled={disabled}
      onClick={onToggle}
      className="inline-flex h-10 items-center gap-2 rounded-md px-2 text-sm font-medium hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring disabled:opacity-50"
    >
      <span
        aria-hidden="true"
        className={cn(
          "relative h-5 w-9 rounded-full transition",
          shared ? "bg-primary" : "bg-input",
        )}
      >
        <span
          className={cn(
            "absolute top-0.5 size-4 rounded-full bg-card shadow transition-all",
            shared ? "left-4.5" : "left-0.5",
          )}
        />
      </span>
      Share
      {pending ? <BusySpinner /> : null}
    </button>
  );
}
