"use client";
import type { WidgetProps } from "@rjsf/utils";
import { cn } from "@/lib/shared/cn";
import { controlAria } from "../aria";

/** An on/off setting: a `role="switch"` button, labelled by the field's label. */
export function SwitchWidget(props: WidgetProps) {
  const { id, value, disabled, readonly, rawErrors, label, hideLabel, onChange, onBlur, onFocus } =
    props;
  const on = value === true;
  return (
    <button
      type="button"
      role="switch"
      id={id}
      aria-checked={on}
      aria-label={hideLabel ? label : undefined}
      {...controlAria(id, rawErrors)}
      disabled={disabled || readonly}
      onClick={() => onChange(!on)}
      onBlur={() => onBlur(id, on)}
      onFocus={() => onFocus(id, on)}
      className={cn(
        "relative inline-flex h-6 w-11 shrink-0 cursor-pointer items-center rounded-full border border-transparent transition-colors",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
        "disabled:cursor-not-allowed disabled:opacity-50",
        on ? "bg-primary" : "bg-input",
      )}
    >
      <span
        aria-hidden="true"
        className={cn(
          "pointer-events-none block size-5 rounded-full bg-card shadow-sm ring-0 transition-transform",
          on ? "translate-x-5" : "translate-x-0.5",
        )}
      />
    </button>
  );
}
