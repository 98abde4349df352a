import type { UnknownView } from "./message-view-model";

/** An event this page cannot read yet: shown small and raw rather than dropped or fatal. */
export function UnknownEventRow({ event }: { event: UnknownView }) {
  return (
    <details className="rounded-md border border-dashed border-border px-2.5 py-1 text-xs text-muted-foreground">
      <summary className="cursor-pointer select-none">
        <span className="font-mono">{event.label}</span>
      </summary>
      <pre className="mt-1 max-h-40 overflow-auto font-mono break-all whitespace-pre-wrap">
        {event.json}
      </pre>
    </details>
  );
}
