"use client";
import { deepEquals } from "@rjsf/utils";
import { useCallback, useMemo, useState } from "react";
import type { JsonSchema } from "@/lib/shared/catalog-types";
import { placeFieldErrors } from "@/lib/shared/model-schema";

type Input = Record<string, unknown>;

function topField(name: string): string {
  return name.split(/[.[/]/)[0] ?? name;
}

/**
 * The server's field errors, placed at their fields. An error stays until its field is edited:
 * after that it speaks about a value that is gone, and the person sees it was dealt with.
 */
export function useServerErrors(
  schema: JsonSchema,
  fieldErrors: Record<string, string> | undefined,
) {
  // Compared by content: parents often pass a fresh object with the same errors every render.
  const errorsKey = JSON.stringify(fieldErrors ?? {});
  const [edits, setEdits] = useState<{ errorsKey: string; fields: readonly string[] }>({
    errorsKey,
    fields: [],
  });
  const edited = edits.errorsKey === errorsKey ? edits.fields : [];

  const placed = useMemo(() => {
    const live = Object.fromEntries(
      Object.entries(fieldErrors ?? {}).filter(([name]) => !edited.includes(topField(name))),
    );
    return placeFieldErrors(schema, live);
    // `errorsKey` stands for `fieldErrors` (see above).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [schema, errorsKey, edited]);

  /** Records which fields a change touched. Defaults filled into empty fields are not edits. */
  const noteChange = useCallback(
    (before: Input, after: Input) => {
      const defaults = (schema.properties ?? {}) as Record<string, { default?: unknown }>;
      const touched = Object.keys({ ...before, ...after }).filter(
        (key) =>
          !deepEquals(before[key], after[key]) &&
          !(before[key] === undefined && deepEquals(after[key], defaults[key]?.default)),
      );
      if (touched.length === 0) return;
      setEdits((current) => {
        const fields = current.errorsKey === errorsKey ? current.fields : [];
        const added = touched.filter((key) => !fields.includes(key));
        return added.length === 0 && current.errorsKey === errorsKey
          ? current
          : { errorsKey, fields: [...fields, ...added] };
      });
    },
    [schema, errorsKey],
  );

  return { ...placed, noteChange };
}
