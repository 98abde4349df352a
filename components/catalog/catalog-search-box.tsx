"use client";

import { useEffect, useId, useRef } from "react";
import { CloseIcon } from "../ui/icons";
import { Input } from "../ui/input";
import { SearchIcon } from "./kind-icons";

/** Whether a key press happened while the user was typing somewhere. */
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || target.closest("input, textarea, select") !== null)
  );
}

/** The catalog's search field: "/" focuses it from anywhere on the page, Escape clears it. */
export function CatalogSearchBox({
  value,
  onChange,
  describedBy,
}: {
  value: string;
  onChange: (value: string) => void;
  /** Id of the result count, read out with the field. */
  describedBy?: string;
}) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "/" || event.metaKey || event.ctrlKey || event.altKey) return;
      if (event.defaultPrevented || isTyping(event.target)) return;
      event.preventDefault(); // or the "/" would land in the field
      inputRef.current?.focus();
      inputRef.current?.select();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <div className="relative">
      <label htmlFor={id} className="sr-only">
        Search models
      </label>
      <SearchIcon className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-muted-foreground" />
      <Input
        ref={inputRef}
        id={id}
        type="search"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape" && value) {
            event.preventDefault();
            onChange("");
          }
        }}
        placeholder="Search by name, slug or description"
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        aria-describedby={describedBy}
        aria-keyshortcuts="/"
        // Our own clear button replaces the browser's, which not every engine draws.
        className="h-11 pr-11 pl-10 text-base sm:text-sm [&::-webkit-search-cancel-button]:appearance-none"
      />
      {value ? (
        <button
          type="button"
          aria-label="Clear search"
          onClick={() => {
            onChange("");
            inputRef.current?.focus();
          }}
          className="absolute top-1/2 right-2 inline-flex size-8 -translate-y-1/2 items-center justify-center rounded-md text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
        >
          <CloseIcon width={16} height={16} />
        </button>
      ) : (
        <kbd
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 right-3 hidden -translate-y-1/2 rounded border border-border bg-muted px-1.5 font-mono text-xs text-muted-foreground sm:block"
        >
          /
        </kbd>
      )}
    </div>
  );
}
