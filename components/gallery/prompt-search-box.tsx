"use client";

import { useEffect, useId, useRef, useState } from "react";
import { SearchIcon } from "../catalog/kind-icons";
import { CloseIcon } from "../ui/icons";
import { Input } from "../ui/input";

/** The gallery asks the server per search, so typing settles for a moment first. */
export const SEARCH_DEBOUNCE_MS = 300;

/**
 * "Search prompts": shows every key at once and reports the words once typing pauses.
 * Escape or the clear button empty it at once. A new `value` from outside (Clear filters,
 * back/forward) replaces what is typed.
 */
export function PromptSearchBox({
  value,
  onChange,
  describedBy,
}: {
  value: string;
  onChange: (value: string) => void;
  describedBy?: string;
}) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(value);
  const [outside, setOutside] = useState(value);
  if (value !== outside) {
    setOutside(value);
    setText(value);
  }

  useEffect(() => {
    if (text === value) return;
    const timer = window.setTimeout(() => onChange(text), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, value, onChange]);

  function clear() {
    setText("");
    onChange("");
    inputRef.current?.focus();
  }

  return (
    <div className="relative min-w-0 flex-1">
      <label htmlFor={id} className="sr-only">
        Search prompts
      </label>
      <SearchIcon className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-muted-foreground" />
      <Input
        ref={inputRef}
        id={id}
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape" && text) {
            event.preventDefault();
            clear();
          }
        }}
        placeholder="Search prompts and titles"
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        aria-describedby={describedBy}
        className="pr-10 pl-10 text-base sm:text-sm [&::-webkit-search-cancel-button]:appearance-none"
      />
      {text ? (
        <button
          type="button"
          aria-label="Clear search"
          onClick={clear}
          className="absolute top-1/2 right-1.5 inline-flex size-8 -translate-y-1/2 items-center justify-center rounded-md text-muted-foreground hover:bg-muted hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
        >
          <CloseIcon width={16} height={16} />
        </button>
      ) : null}
    </div>
  );
}
