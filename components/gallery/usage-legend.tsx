/** The key to the usage chart's two series. */
export function UsageLegend() {
  return (
    <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-muted-foreground" aria-hidden="true">
      <li className="flex items-center gap-2">
        <span className="size-3 rounded-sm bg-primary/80" /> Runs per day (left axis)
      </li>
      <li className="flex items-center gap-2">
        <span className="h-0.5 w-4 rounded bg-warning" /> Cost per day (right axis)
      </li>
    </ul>
  );
}
