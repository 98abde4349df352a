// The look of a form control, matching components/ui/input.tsx so selects, textareas and
// number boxes sit next to text inputs without a seam. Sizes and padding are left to each
// control: `cn` joins classes without resolving conflicts, so they must not be overridden.
export const controlBase = [
  "rounded-md border border-input bg-card text-sm text-foreground shadow-xs",
  "placeholder:text-muted-foreground focus-visible:outline-2 focus-visible:outline-ring",
  "aria-invalid:border-destructive disabled:cursor-not-allowed disabled:opacity-60",
].join(" ");
