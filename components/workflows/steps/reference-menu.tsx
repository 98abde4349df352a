"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { ReferenceOption } from "@/lib/shared/workflow-reference-options";
import { cn } from "@/lib/shared/cn";
import { SmallButton } from "../small-button";

type Syntax = "template" | "expression";

function groupsOf(options: readonly ReferenceOption[]) {
  const groups = new Map<string, ReferenceOption[]>();
  for (const option of options)
    groups.set(option.group, [...(groups.get(option.group) ?? []), option]);
  return [...groups].map(([group, items]) => ({
    title: group === "inputs" ? "Workflow inputs" : `Step ${group}`,
    items,
  }));
}

/**
 * "Insert reference": a menu of what a step may read at its place (inputs, earlier steps), as
 * `{{…}}` templates or `$.` expressions. Arrow keys move, Enter picks, Escape closes.
 */
export function ReferenceMenu({
  options,
  syntax = "template",
  onPick,
  describedBy,
  className,
}: {
  options: readonly ReferenceOption[];
  syntax?: Syntax;
  onPick: (text: string) => void;
  describedBy?: string;
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const [alignRight, setAlignRight] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    if (!open) return;
    items.current.find(Boolean)?.focus();
    const onDown = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  }, [open]);

  const toggle = () => {
    const rect = trigger.current?.getBoundingClientRect();
    // Open towards the side with room, so the menu never widens a phone's page.
    if (rect) setAlignRight(rect.left + 300 > window.innerWidth);
    setOpen((was) => !was);
  };
  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };
  const onMenuKey = (event: KeyboardEvent) => {
    const list = items.current.filter((item): item is HTMLButtonElement => Boolean(item));
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => list[(to + list.length) % list.length]?.focus();
    if (event.key === "Escape") close();
    else if (event.key === "ArrowDown") move(at + 1);
    else if (event.key === "ArrowUp") move(at - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(list.length - 1);
    else if (event.key === "Tab") setOpen(false);
    else return;
    if (event.key !== "Tab") event.preventDefault();
  };

  let index = 0;
  return (
    <div ref={root} className={cn("relative inline-block", className)}>
      <SmallButton
        ref={trigger}
        tone="outline"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-describedby={describedBy}
        // Keeps the caret in the field being edited until a reference is chosen.
        onMouseDown={(event) => event.preventDefault()}
        onClick={toggle}
      >
        <span aria-hidden="true" className="font-mono">
          {syntax === "template" ? "{{ }}" : "$."}
        </span>
        Insert reference
      </SmallButton>
      {open ? (
        <div
          id={menuId}
          role="menu"
          aria-label="References"
          onKeyDown={onMenuKey}
          className={cn(
            "absolute top-full z-30 mt-1 max-h-80 w-72 max-w-[calc(100vw-2rem)] overflow-auto rounded-lg border border-border bg-popover p-1 text-popover-foreground shadow-lg",
            alignRight ? "right-0" : "left-0",
          )}
        >
          {options.length === 0 ? (
            <p className="px-2 py-1.5 text-sm text-muted-foreground">
              Nothing to read yet: add workflow inputs, or steps before this one.
            </p>
          ) : (
            groupsOf(options).map((group) => (
              <div key={group.title} role="group" aria-label={group.title}>
                <p className="px-2 pt-2 pb-1 text-xs font-medium text-muted-foreground">
                  {group.title}
                </p>
                {group.items.map((option) => {
                  const text = syntax === "template" ? option.value : option.expression;
                  const position = index++;
                  return (
                    <button
                      key={text}
                      ref={(element) => {
                        items.current[position] = element;
                      }}
                      type="button"
                      role="menuitem"
                      tabIndex={-1}
                      onClick={() => {
                        onPick(text);
                        close();
                      }}
                      className="flex w-full flex-col items-start rounded-md px-2 py-1.5 text-left text-sm hover:bg-muted focus-visible:bg-muted focus-visible:outline-none"
                    >
                      <span className="font-mono text-xs break-all">{text}</span>
                      <span className="text-xs text-muted-foreground">{option.label}</span>
                    </button>
                  );
                })}
              </div>
            ))
          )}
        </div>
      ) : null}
    </div>
  );
}
