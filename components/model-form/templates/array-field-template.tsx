"use client";
import type { ArrayFieldTemplateProps } from "@rjsf/utils";
import { buttonId } from "@rjsf/utils";

/** A list field (not a file list: those use the drop zone): its items, then "Add item". */
export function ArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const {
    items,
    canAdd,
    onAddClick,
    title,
    schema,
    disabled,
    readonly,
    fieldPathId,
    registry,
    uiSchema,
    required,
  } = props;
  const { AddButton } = registry.templates.ButtonTemplates;
  const description = typeof schema.description === "string" ? schema.description : undefined;
  return (
    <fieldset id={fieldPathId.$id} className="space-y-2">
      <legend
        className={
          required
            ? "text-sm font-medium after:ml-0.5 after:text-destructive after:content-['*']"
            : "text-sm font-medium"
        }
      >
        {title}
      </legend>
      {description ? <p className="text-xs text-muted-foreground">{description}</p> : null}
      {items.length > 0 ? (
        <div className="space-y-2">{items}</div>
      ) : (
        <p className="text-sm text-muted-foreground">No items yet.</p>
      )}
      {canAdd ? (
        <AddButton
          id={buttonId(fieldPathId, "add")}
          onClick={onAddClick}
          disabled={disabled || readonly}
          uiSchema={uiSchema}
          registry={registry}
        />
      ) : null}
    </fieldset>
  );
}
