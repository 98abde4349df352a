"use client";
import type { BaseInputTemplateProps } from "@rjsf/utils";
import { getInputProps } from "@rjsf/utils";
import type { ChangeEvent } from "react";
import { Input } from "@/components/ui/input";
import { controlAria } from "../aria";

/** The plain `<input>` behind text, URL and number fields: our Input, wired for rjsf. */
export function BaseInputTemplate(props: BaseInputTemplateProps) {
  const {
    id,
    htmlName,
    value,
    required,
    readonly,
    disabled,
    autofocus,
    placeholder,
    onBlur,
    onFocus,
    onChange,
    onChangeOverride,
    options,
    schema,
    rawErrors,
    type,
    label,
    hideLabel,
  } = props;
  const inputProps = getInputProps(schema, type, options);
  const isNumber = inputProps.type === "number" || inputProps.type === "integer";
  const shown = isNumber ? (value || value === 0 ? value : "") : (value ?? "");
  const handleChange = (event: ChangeEvent<HTMLInputElement>) =>
    onChange(event.target.value === "" ? options.emptyValue : event.target.value);
  return (
    <Input
      id={id}
      name={htmlName || id}
      {...inputProps}
      value={shown as string | number}
      required={required}
      readOnly={readonly}
      disabled={disabled}
      autoFocus={autofocus}
      placeholder={placeholder}
      aria-label={hideLabel ? label : undefined}
      {...controlAria(id, rawErrors)}
      onChange={onChangeOverride || handleChange}
      onBlur={(event) => onBlur(id, event.target.value)}
      onFocus={(event) => onFocus(id, event.target.value)}
    />
  );
}
