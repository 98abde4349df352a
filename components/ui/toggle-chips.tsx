import { type ReactNode, useId } from "react";
import { cn } from "@/lib/shared/cn";

export type ChipOption<T extends string> = { value: T; label: string; icon?: ReactNode };

/** A labelled group of toggle buttons (the catalog's and the gallery's filters). */
export function ToggleChips<T extends string>({
  label,
  options,
  selected,
  onToggle,
  labelClassName = "w-16",
}: {
  label: string;
  options: readonly ChipOption<T>[];
  selected: readonly T[];
  onToggle: (value: T) => void;
  /** The label's width on phones, where the groups stack and their chips line up. */
  labelClassName?: string;
}) {
  const labelId = useId();
  return (
    <div role="group" aria-labelledby={labelId} className="flex flex-wrap items-center gap-2">
      <span
        id={labelId}
        className={cn(
          "text-xs font-medium tracking-wide text-muted-foreground uppercase sm:w-auto",
          labelClassName,
        )}
      >
        {label}
      </span>
      {options.map((option) => {
        const pressed = selected.includes(option.value);
        return (
          <button
            key={option.value}
            type="button"
            aria-pressed={pressed}
            onClick={() => onToggle(option.value)}
            className={cn(
              "inline-flex h-8 items-center gap-1.5 rounded-full border px-2.5 text-sm transition sm:px-3",
              "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
              pressed
                ? "border-primary bg-primary text-primary-foreground shadow-sm"
                : "border-border bg-card text-foreground hover:bg-muted",
            )}
          >
            {option.icon}
            {option.label}
          </button>
        );
      })}
    </div>
  );
}
