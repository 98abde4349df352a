// The editor's native controls, drawn like components/ui/input. Width and height are set by
// each variant (cn only joins classes, so two heights on one element would fight).
const base =
  "rounded-md border border-input bg-card text-foreground shadow-xs placeholder:text-muted-foreground focus-visible:outline-2 focus-visible:outline-ring aria-invalid:border-destructive disabled:opacity-60";
export const inputClass = `${base} h-9 w-full px-3 text-sm`;
export const compactInputClass = `${base} h-8 w-full px-2 text-sm`;
const textareaBase = `${base} block w-full resize-y px-3 py-2 text-sm leading-relaxed`;
/** For code, JSON and templates. */
export const textareaClass = `${textareaBase} font-mono`;
/** For prose: descriptions, notes. */
export const proseTextareaClass = textareaBase;
/** A select as wide as its column. */
export const selectClass = `${base} h-9 w-full px-3 pr-8 text-sm`;
/** A select as wide as its options, in a row of controls. */
export const inlineSelectClass = `${base} h-9 px-3 pr-8 text-sm`;
export const smallSelectClass = `${base} h-8 px-2 pr-7 text-sm`;
export const tinySelectClass = `${base} h-7 px-2 pr-7 text-xs`;
export const labelClass = "block text-xs font-medium text-muted-foreground";
