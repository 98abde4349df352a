import { ariaDescribedByIds } from "@rjsf/utils";

/** The aria wiring every control carries: invalid state and the ids of its help and errors. */
export function controlAria(
  id: string,
  rawErrors: readonly string[] | undefined,
  ...extraIds: string[]
) {
  const invalid = (rawErrors?.length ?? 0) > 0;
  return {
    "aria-invalid": invalid || undefined,
    "aria-describedby": [ariaDescribedByIds(id), ...extraIds].join(" "),
  } as const;
}

/** The id of the visible label the field template renders (for `aria-labelledby`). */
export function labelId(id: string): string {
  return `${id}__label`;
}
