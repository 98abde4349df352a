"use client";
import type { WidgetProps } from "@rjsf/utils";
import { ariaDescribedByIds, enumOptionsIsSelected, optionId } from "@rjsf/utils";
import type { SegmentedWidgetOptions } from "@/lib/shared/model-schema";
import { cn } from "@/lib/shared/cn";
import { labelId } from "../aria";
import { AspectRatioGlyph } from "./aspect-ratio-glyph";

/**
 * A few short choices side by side (aspect ratios, output formats). Native radios underneath,
 * so arrow keys, Tab and screen readers behave as a radio group should.
 */
export function SegmentedWidget(props: WidgetProps) {
  const {
    id,
    value,
    schema,
    required,
    disabled,
    readonly,
    options,
    rawErrors,
    onChange,
    onBlur,
    onFocus,
  } = props;
  const { enumOptions = [], aspectRatio } = options as WidgetProps["options"] &
    Partial<SegmentedWidgetOptions>;
  const invalid = (rawErrors?.length ?? 0) > 0;
  // An optional choice with no default of its own can go back to "let the model decide".
  const choices = [
    ...(!required && schema.default === undefined ? [{ label: "Default", value: undefined }] : []),
    ...enumOptions,
  ];
  return (
    <div
      id={id}
      role="radiogroup"
      aria-labelledby={labelId(id)}
      aria-describedby={ariaDescribedByIds(id)}
      aria-invalid={invalid || undefined}
      className={cn(
        "flex flex-wrap gap-1 rounded-lg border bg-muted p-1",
        invalid ? "border-destructive" : "border-input",
      )}
    >
      {choices.map((option, i) => {
        const checked =
          option.value === undefined
            ? value === undefined
            : enumOptionsIsSelected(option.value, value);
        return (
          <label
            key={i}
            className={cn(
              "relative flex min-w-12 flex-1 cursor-pointer items-center justify-center gap-1.5 rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap transition",
              "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring",
              checked
                ? "bg-card text-foreground shadow-sm"
                : "text-muted-foreground hover:bg-card/60 hover:text-foreground",
              (disabled || readonly) && "cursor-not-allowed opacity-60",
            )}
          >
            <input
              type="radio"
              id={optionId(id, i)}
              name={id}
              className="sr-only"
              checked={checked}
              disabled={disabled || readonly}
              onChange={() => onChange(option.value)}
              onBlur={() => onBlur(id, value)}
              onFocus={() => onFocus(id, value)}
            />
            {aspectRatio && typeof option.value === "string" ? (
              <AspectRatioGlyph ratio={option.value} />
            ) : null}
            {option.label}
          </label>
        );
      })}
    </div>
  );
}
