"use client";
import type { IconButtonProps } from "@rjsf/utils";
import { Button } from "@/components/ui/button";
import { PlusIcon } from "../../ui/icons";

export function AddButton({ onClick, disabled }: IconButtonProps) {
  return (
    <Button variant="outline" size="sm" onClick={onClick} disabled={disabled}>
      <PlusIcon /> Add item
    </Button>
  );
}
