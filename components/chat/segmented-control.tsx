"use client";
import { useId } from "react";
import { cn } from "@/lib/shared/cn";

export type SegmentedOption<T extends string> = { value: T; label: string; hint: string };

/**
 * A few short choices side by side, like the model form's segmented widget: native radios
 * underneath, so arrow keys, Tab and screen readers treat it as the radio group it is.
 */
export function SegmentedControl<T extends string>({
  label,
  options,
  value,
  onChange,
  disabled = false,
}: {
  label: string;
  options: readonly SegmentedOption<T>[];
  value: T;
  onChange: (value: T) => void;
  disabled?: boolean;
}) {
  const name = useId();
  return (
    <div
      role="radiogroup"
      aria-label={label}
      className="inline-flex shrink-0 gap-0.5 rounded-lg border border-input bg-muted p-0.5"
    >
      {options.map((option) => {
        const checked = option.value === value;
        return (
          <label
            key={option.value}
            title={option.hint}
            className={cn(
              "relative flex cursor-pointer items-center rounded-md px-2.5 py-1 text-xs font-medium whitespace-nowrap transition",
              "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring",
              checked
                ? "bg-card text-foreground shadow-sm"
                : "text-muted-foreground hover:bg-card/60 hover:text-foreground",
              disabled && "cursor-not-allowed opacity-60",
            )}
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={checked}
              disabled={disabled}
              onChange={() => onChange(option.value)}
              className="sr-only"
            />
            {option.label}
          </label>
        );
      })}
    </div>
  );
}
