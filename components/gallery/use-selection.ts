"use client";

import { useCallback, useState } from "react";
import { toggleSelection } from "./selection";

/** Selection mode of the grid: on/off, the selected ids, and the anchor for shift-click. */
export function useSelection() {
  const [active, setActive] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [anchor, setAnchor] = useState<string | null>(null);

  const toggle = useCallback(
    (id: string, order: readonly string[], range: boolean) => {
      setSelected((current) => toggleSelection(current, order, id, anchor, range));
      setAnchor(id);
    },
    [anchor],
  );
  const clear = useCallback(() => {
    setSelected(new Set());
    setAnchor(null);
  }, []);
  const selectAll = useCallback((ids: readonly string[]) => setSelected(new Set(ids)), []);
  const setMode = useCallback(
    (on: boolean) => {
      setActive(on);
      if (!on) clear();
    },
    [clear],
  );

  return { active, selected, toggle, clear, selectAll, setMode };
}
