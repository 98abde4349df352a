import type { ComponentProps } from "react";
import { cn } from "@/lib/shared/cn";

const tones = {
  ghost: "text-foreground hover:bg-muted",
  danger: "text-destructive hover:bg-destructive/10",
  secondary: "border border-border bg-secondary text-secondary-foreground hover:bg-muted",
  outline: "border border-input bg-transparent hover:bg-muted",
} as const;

export type SmallTone = keyof typeof tones;

/** The classes of a small control button (ui/Button's sizes stop at h-8 and text-sm). */
export function smallButtonClass(tone: SmallTone = "ghost", extra?: string): string {
  return cn(
    "inline-flex h-7 items-center justify-center gap-1 rounded-md px-2 text-xs font-medium whitespace-nowrap transition",
    "focus-visible:outline-2 focus-visible:outline-ring disabled:pointer-events-none disabled:opacity-50",
    tones[tone],
    extra,
  );
}

/** A compact button for editor controls: + AND, Remove condition, Add branch… */
export function SmallButton({
  tone,
  className,
  type = "button",
  ...props
}: ComponentProps<"button"> & { tone?: SmallTone }) {
  return <button type={type} className={smallButtonClass(tone, className)} {...props} />;
}
