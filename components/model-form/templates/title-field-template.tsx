"use client";
import type { TitleFieldProps } from "@rjsf/utils";
import { cn } from "@/lib/shared/cn";

export function TitleFieldTemplate({ id, title, required }: TitleFieldProps) {
  return (
    <p
      id={id}
      className={cn(
        "text-sm font-semibold text-foreground",
        required && "after:ml-0.5 after:text-destructive after:content-['*']",
      )}
    >
      {title}
    </p>
  );
}
