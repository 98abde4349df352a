"use client";

import { useState } from "react";

/**
 * Text a person edits that stands for a value held elsewhere (a number, some JSON, the whole
 * definition). Typing keeps their text as typed; a change made elsewhere (another view, undo,
 * a reorder) replaces it. Call `accept(format(parsed))` when what they typed is applied, so
 * the value coming back does not reformat the text under their caret.
 */
export function useDraftText(formatted: string) {
  const [text, setText] = useState(formatted);
  const [seen, setSeen] = useState(formatted);
  // Adjusting state while rendering, as React documents for props that change
  // (https://react.dev/learn/you-might-not-need-an-effect#adjusting-some-state-when-a-prop-changes).
  if (formatted !== seen) {
    setSeen(formatted);
    setText(formatted);
  }
  return { text, setText, accept: setSeen };
}
