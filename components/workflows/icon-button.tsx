import type { ComponentProps } from "react";
import { cn } from "@/lib/shared/cn";

/** A square icon-only button; `label` is its accessible name. */
export function IconButton({
  label,
  danger = false,
  className,
  type = "button",
  ...props
}: ComponentProps<"button"> & { label: string; danger?: boolean }) {
  return (
    <button
      type={type}
      aria-label={label}
      title={label}
      className={cn(
        "inline-flex size-9 shrink-0 items-center justify-center rounded-md transition focus-visible:outline-2 focus-visible:outline-ring disabled:pointer-events-none disabled:opacity-40",
        danger ? "text-destructive hover:bg-destructive/10" : "text-foreground hover:bg-muted",
        className,
      )}
      {...props}
    />
  );
}
