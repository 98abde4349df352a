"use client";
import type { WidgetProps } from "@rjsf/utils";
import { enumOptionsIndexForValue, enumOptionsValueForIndex } from "@rjsf/utils";
import type { ChangeEvent } from "react";
import { cn } from "@/lib/shared/cn";
import { controlAria } from "../aria";
import { controlBase } from "../control-classes";
import { ChevronDownIcon } from "../form-icons";

/** A native select (keyboard, screen readers and mobile pickers for free), styled like Input. */
export function SelectWidget(props: WidgetProps) {
  const {
    id,
    name,
    value,
    schema,
    required,
    disabled,
    readonly,
    multiple,
    options,
    rawErrors,
    label,
    hideLabel,
    placeholder,
    onChange,
    onBlur,
    onFocus,
  } = props;
  const { enumOptions = [], enumDisabled, emptyValue } = options;
  const selected = enumOptionsIndexForValue(value, enumOptions, multiple);
  // The option switcher of a oneOf/anyOf has no label element of its own.
  const isOptionSelector = name.endsWith("__oneof_select") || name.endsWith("__anyof_select");
  // An empty choice lets an optional field go back to "not set" (the model's own default); a
  // field with a default of its own never needs it.
  const showEmpty =
    !multiple && (selected === undefined || (!required && schema.default === undefined));
  const decode = (event: ChangeEvent<HTMLSelectElement>) => {
    if (multiple) {
      const indexes = Array.from(event.target.selectedOptions, (option) => option.value);
      return enumOptionsValueForIndex(indexes, enumOptions, emptyValue);
    }
    return enumOptionsValueForIndex(event.target.value, enumOptions, emptyValue);
  };
  return (
    <div className="relative">
      <select
        id={id}
        name={id}
        multiple={multiple}
        value={
          multiple
            ? ((selected as string[] | undefined) ?? [])
            : ((selected as string | undefined) ?? "")
        }
        required={required}
        disabled={disabled || readonly}
        aria-label={hideLabel || isOptionSelector ? label : undefined}
        {...controlAria(id, rawErrors)}
        onChange={(event) => onChange(decode(event))}
        onBlur={(event) => onBlur(id, decode(event))}
        onFocus={(event) => onFocus(id, decode(event))}
        className={cn(
          controlBase,
          "w-full",
          multiple ? "px-3 py-2" : "h-10 appearance-none pr-9 pl-3",
        )}
      >
        {showEmpty ? (
          <option value="">{placeholder || (required ? "Choose…" : "Not set")}</option>
        ) : null}
        {enumOptions.map((option, i) => (
          <option key={i} value={String(i)} disabled={enumDisabled?.includes(option.value)}>
            {option.label}
          </option>
        ))}
      </select>
      {multiple ? null : (
        <ChevronDownIcon className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-muted-foreground" />
      )}
    </div>
  );
}
