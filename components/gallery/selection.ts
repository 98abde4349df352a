// Which tiles are selected, as a pure function of the click, so it can be tested.

/**
 * A click on `id`. Without shift it flips that one item. With shift and an anchor (the last
 * item clicked) it gives every item between the two, in display order, the state the clicked
 * item is getting — the range rule of file managers.
 */
export function toggleSelection(
  selected: ReadonlySet<string>,
  order: readonly string[],
  id: string,
  anchor: string | null,
  range: boolean,
): Set<string> {
  const next = new Set(selected);
  const select = !selected.has(id);
  const from = anchor === null ? -1 : order.indexOf(anchor);
  const to = order.indexOf(id);
  const ids =
    range && from >= 0 && to >= 0 ? order.slice(Math.min(from, to), Math.max(from, to) + 1) : [id];
  for (const item of ids) {
    if (select) next.add(item);
    else next.delete(item);
  }
  return next;
}
