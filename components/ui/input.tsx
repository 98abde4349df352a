import type { ComponentProps } from "react";
import { cn } from "@/lib/shared/cn";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return (
    <input
      className={cn(
        "h-10 w-full rounded-md border border-input bg-card px-3 text-sm text-foreground shadow-xs",
        "placeholder:text-muted-foreground focus-visible:outline-2 focus-visible:outline-ring",
        "aria-invalid:border-destructive disabled:opacity-60",
        className,
      )}
      {...props}
    />
  );
}
