"use client";
import type { WidgetProps } from "@rjsf/utils";
import { useLayoutEffect, useRef } from "react";
import { PROMPT_MAX_CHARS, type PromptWidgetOptions } from "@/lib/shared/model-schema";
import { cn } from "@/lib/shared/cn";
import { controlAria } from "../aria";
import { controlBase } from "../control-classes";

/** Past this height the box scrolls instead of pushing Run off the screen. */
const MAX_AUTO_HEIGHT = 420;

const formatCount = (n: number) => n.toLocaleString("en-US");

/** Long text (prompts, lyrics): a textarea that grows with its text, counting against the limit. */
export function PromptWidget(props: WidgetProps) {
  const {
    id,
    value,
    required,
    disabled,
    readonly,
    autofocus,
    placeholder,
    options,
    rawErrors,
    onChange,
    onBlur,
    onFocus,
  } = props;
  const limit = (options as Partial<PromptWidgetOptions>).maxLength ?? PROMPT_MAX_CHARS;
  const text = typeof value === "string" ? value : "";
  const ref = useRef<HTMLTextAreaElement>(null);
  const countId = `${id}__count`;

  // `field-sizing: content` does this in Chromium only; measuring works everywhere.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = "auto";
    if (el.scrollHeight > 0)
      el.style.height = `${Math.min(el.scrollHeight + 2, MAX_AUTO_HEIGHT)}px`;
  }, [text]);

  const over = text.length > limit;
  return (
    <div className="space-y-1">
      <textarea
        ref={ref}
        id={id}
        name={id}
        value={text}
        rows={3}
        required={required}
        disabled={disabled}
        readOnly={readonly}
        autoFocus={autofocus}
        placeholder={placeholder}
        {...controlAria(id, rawErrors, countId)}
        onChange={(event) =>
          onChange(event.target.value === "" ? options.emptyValue : event.target.value)
        }
        onBlur={(event) => onBlur(id, event.target.value)}
        onFocus={(event) => onFocus(id, event.target.value)}
        className={cn(controlBase, "block min-h-20 w-full resize-y px-3 py-2 leading-relaxed")}
      />
      <p
        id={countId}
        className={cn(
          "text-right text-xs tabular-nums",
          over ? "font-medium text-destructive" : "text-muted-foreground",
        )}
      >
        {formatCount(text.length)} / {formatCount(limit)}
        <span className="sr-only"> characters</span>
      </p>
    </div>
  );
}
