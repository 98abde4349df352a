"use client";
import type { ArrayFieldItemTemplateProps } from "@rjsf/utils";

/** One list item: its field, with the item's buttons beside it. */
export function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, hasToolbar, buttonsProps, registry } = props;
  const { ArrayFieldItemButtonsTemplate } = registry.templates;
  return (
    <div className="flex items-start gap-2">
      <div className="min-w-0 flex-1">{children}</div>
      {hasToolbar ? (
        <div className="flex shrink-0 items-center gap-0.5">
          <ArrayFieldItemButtonsTemplate {...buttonsProps} />
        </div>
      ) : null}
    </div>
  );
}
