"use client";
import type { ErrorSchema, ObjectFieldTemplateProps } from "@rjsf/utils";
import { getUiOptions } from "@rjsf/utils";
import { AdvancedSection } from "./advanced-section";

function hasErrors(errors: ErrorSchema | undefined): boolean {
  if (!errors || typeof errors !== "object") return false;
  return Object.entries(errors).some(([key, value]) =>
    key === "__errors" ? Array.isArray(value) && value.length > 0 : hasErrors(value as ErrorSchema),
  );
}

/**
 * The fields of an object in display order; the ones prepareSchema marked `advanced` go into a
 * fold after the rest. The model input itself (the root) has no frame: the page titles it.
 */
export function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { properties, uiSchema, fieldPathId, title, description, errorSchema } = props;
  const options = getUiOptions(uiSchema);
  const folded = new Set(Array.isArray(options.advanced) ? (options.advanced as string[]) : []);
  const main = properties.filter((p) => !folded.has(p.name));
  const advanced = properties.filter((p) => folded.has(p.name));
  const body = (
    <>
      {main.map((p) => p.content)}
      {advanced.length > 0 ? (
        <AdvancedSection
          count={advanced.length}
          hasErrors={advanced.some((p) =>
            hasErrors((errorSchema as Record<string, ErrorSchema> | undefined)?.[p.name]),
          )}
        >
          {advanced.map((p) => p.content)}
        </AdvancedSection>
      ) : null}
    </>
  );

  if (fieldPathId.path.length === 0) return <div className="space-y-5">{body}</div>;
  return (
    <fieldset id={fieldPathId.$id} className="space-y-4 rounded-lg border border-border p-4">
      {title ? <legend className="px-1 text-sm font-semibold">{title}</legend> : null}
      {description ? <div className="text-xs text-muted-foreground">{description}</div> : null}
      {body}
    </fieldset>
  );
}
