"use client";
import type { WidgetProps } from "@rjsf/utils";
import type { SliderWidgetOptions } from "@/lib/shared/model-schema";
import { controlBase } from "../control-classes";
import { controlAria } from "../aria";

function toNumber(text: string): number | undefined {
  if (text.trim() === "") return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A bounded number: a slider to explore, a number box for an exact value. Both edit the same
 * value; only the slider carries the field's label, the box is named "<label> value".
 */
export function SliderWidget(props: WidgetProps) {
  const {
    id,
    value,
    schema,
    disabled,
    readonly,
    required,
    options,
    rawErrors,
    label,
    onChange,
    onBlur,
    onFocus,
  } = props;
  const min = Number(schema.minimum ?? 0);
  const max = Number(schema.maximum ?? 100);
  const step =
    (options as Partial<SliderWidgetOptions>).step ?? (schema.type === "integer" ? 1 : 0.01);
  const current = typeof value === "number" ? value : undefined;
  const off = disabled || readonly;
  return (
    <div className="flex items-center gap-3">
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <input
          type="range"
          id={id}
          min={min}
          max={max}
          step={step}
          value={current ?? min}
          disabled={off}
          {...controlAria(id, rawErrors)}
          aria-valuetext={current === undefined ? "Not set" : String(current)}
          onChange={(event) => onChange(Number(event.target.value))}
          onBlur={() => onBlur(id, value)}
          onFocus={() => onFocus(id, value)}
          className="h-2 w-full cursor-pointer accent-primary disabled:cursor-not-allowed disabled:opacity-60"
        />
        <div
          aria-hidden="true"
          className="flex justify-between text-[11px] text-muted-foreground tabular-nums"
        >
          <span>{min}</span>
          <span>{max}</span>
        </div>
      </div>
      <input
        type="number"
        aria-label={`${label} value`}
        min={min}
        max={max}
        step={step}
        value={current ?? ""}
        required={required}
        disabled={off}
        aria-invalid={(rawErrors?.length ?? 0) > 0 || undefined}
        onChange={(event) => onChange(toNumber(event.target.value) ?? options.emptyValue)}
        className={`${controlBase} h-9 w-24 shrink-0 px-2 tabular-nums`}
      />
    </div>
  );
}
