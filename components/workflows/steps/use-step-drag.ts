"use client";
// Drag and drop within one step list: a card is dragged by its grip and dropped on another
// card of the same list, taking its place (the Move up/down buttons do the same from the
// keyboard and on touch screens). Lists do not exchange steps: a step moving into another
// branch would change what its references may see, which the buttons cannot express either.
import { useState, type DragEvent } from "react";

/** The MIME type a step drag carries, so other drags (files, text) are left alone. */
export const STEP_DRAG_TYPE = "application/x-eachlabs-step";

export function useStepDrag(onMove: (from: number, to: number) => void) {
  const [from, setFrom] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const end = () => {
    setFrom(null);
    setOver(null);
  };

  /** Handlers for the list item at `index`. Each stops the event so outer lists ignore it. */
  const itemProps = (index: number) => ({
    onDragStart: (event: DragEvent) => {
      if (!event.dataTransfer.types.includes(STEP_DRAG_TYPE)) return;
      event.stopPropagation();
      setFrom(index);
    },
    onDragOver: (event: DragEvent) => {
      if (from === null) return;
      event.stopPropagation();
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      if (over !== index) setOver(index);
    },
    onDrop: (event: DragEvent) => {
      if (from === null) return;
      event.stopPropagation();
      event.preventDefault();
      if (from !== index) onMove(from, index);
      end();
    },
    onDragEnd: (event: DragEvent) => {
      event.stopPropagation();
      end();
    },
  });

  return { dragging: from, target: over, itemProps };
}
