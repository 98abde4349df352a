// Putting a `{{…}}` reference where the caret was: replaces the selection, and says where the
// caret goes next so the person can keep typing after it.

export function insertAt(
  text: string,
  start: number | null,
  end: number | null,
  insert: string,
): { text: string; caret: number } {
  const from = Math.max(0, Math.min(start ?? text.length, text.length));
  const to = Math.max(from, Math.min(end ?? from, text.length));
  return { text: text.slice(0, from) + insert + text.slice(to), caret: from + insert.length };
}

/** An element the menu can type into: a text box, never a number or a checkbox. */
export function isTextTarget(
  element: Element | null,
): element is HTMLInputElement | HTMLTextAreaElement {
  if (element instanceof HTMLTextAreaElement) return !element.readOnly && !element.disabled;
  if (!(element instanceof HTMLInputElement)) return false;
  return (
    ["text", "url", "search", "email", ""].includes(element.type) &&
    !element.readOnly &&
    !element.disabled
  );
}
