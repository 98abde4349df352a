import { humanizeFieldName } from "@/lib/shared/model-schema/humanize";

/** Prompts first, then the seed, then the rest in the order the model's form had them. */
const FIRST = ["prompt", "negative_prompt", "text", "seed"];

function ordered(inputs: Record<string, unknown>): [string, unknown][] {
  const entries = Object.entries(inputs).filter(
    ([, value]) => value !== null && value !== undefined && value !== "",
  );
  const rank = (key: string) => (FIRST.includes(key) ? FIRST.indexOf(key) : FIRST.length);
  return entries.sort(([a], [b]) => rank(a) - rank(b));
}

function Value({ value }: { value: unknown }) {
  if (typeof value === "string") {
    if (/^https?:\/\/\S+$/.test(value)) {
      return (
        <a
          href={value}
          target="_blank"
          rel="noopener noreferrer"
          className="break-all text-primary hover:underline"
        >
          {value}
        </a>
      );
    }
    return <span className="whitespace-pre-wrap break-words">{value}</span>;
  }
  if (typeof value === "number" || typeof value === "boolean") {
    return <span className="font-mono tabular-nums">{String(value)}</span>;
  }
  return (
    <pre className="overflow-x-auto rounded-md bg-muted p-2 font-mono text-xs whitespace-pre-wrap break-all">
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

/** Every input the item was made with, as a definition list; long prompts wrap. */
export function AssetInputs({ inputs }: { inputs: Record<string, unknown> | null }) {
  const entries = inputs ? ordered(inputs) : [];
  if (entries.length === 0) {
    return <p className="text-sm text-muted-foreground">No inputs were recorded for this item.</p>;
  }
  return (
    <dl className="divide-y divide-border text-sm">
      {entries.map(([key, value]) => (
        <div key={key} className="grid gap-1 py-2.5 sm:grid-cols-[10rem_minmax(0,1fr)] sm:gap-4">
          <dt className="text-muted-foreground">{humanizeFieldName(key)}</dt>
          <dd className="min-w-0">
            <Value value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
