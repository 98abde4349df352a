"use client";
import type { IconButtonProps } from "@rjsf/utils";
import type { ComponentType, ReactNode } from "react";
import { Button } from "@/components/ui/button";

/**
 * An rjsf button slot (remove, move, copy, clear) drawn as a small square icon button whose
 * accessible name is `label`.
 */
export function iconButtonTemplate(label: string, icon: ReactNode): ComponentType<IconButtonProps> {
  function IconButtonTemplate({ onClick, disabled }: IconButtonProps) {
    return (
      <Button
        variant="ghost"
        size="icon"
        aria-label={label}
        title={label}
        onClick={onClick}
        disabled={disabled}
      >
        {icon}
      </Button>
    );
  }
  IconButtonTemplate.displayName = `IconButton(${label})`;
  return IconButtonTemplate;
}
