"use client";
import type { ArrayFieldItemButtonsTemplateProps } from "@rjsf/utils";
import { buttonId } from "@rjsf/utils";

/** Reorder, duplicate and remove, each only when the list allows it. */
export function ArrayFieldItemButtonsTemplate(props: ArrayFieldItemButtonsTemplateProps) {
  const {
    hasMoveUp,
    hasMoveDown,
    hasCopy,
    hasRemove,
    onMoveUpItem,
    onMoveDownItem,
    onCopyItem,
    onRemoveItem,
    disabled,
    readonly,
    fieldPathId,
    registry,
    uiSchema,
  } = props;
  const { MoveUpButton, MoveDownButton, CopyButton, RemoveButton } =
    registry.templates.ButtonTemplates;
  const off = disabled || readonly;
  const common = { registry, uiSchema };
  return (
    <>
      {hasMoveUp || hasMoveDown ? (
        <>
          <MoveUpButton
            id={buttonId(fieldPathId, "moveUp")}
            onClick={onMoveUpItem}
            disabled={off || !hasMoveUp}
            {...common}
          />
          <MoveDownButton
            id={buttonId(fieldPathId, "moveDown")}
            onClick={onMoveDownItem}
            disabled={off || !hasMoveDown}
            {...common}
          />
        </>
      ) : null}
      {hasCopy ? (
        <CopyButton
          id={buttonId(fieldPathId, "copy")}
          onClick={onCopyItem}
          disabled={off}
          {...common}
        />
      ) : null}
      {hasRemove ? (
        <RemoveButton
          id={buttonId(fieldPathId, "remove")}
          onClick={onRemoveItem}
          disabled={off}
          {...common}
        />
      ) : null}
    </>
  );
}
