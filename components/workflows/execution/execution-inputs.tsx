/** The inputs a run was given, as it was given them. */
export function ExecutionInputs({ inputs }: { inputs: Record<string, unknown> }) {
  const entries = Object.entries(inputs);
  if (entries.length === 0) return <p className="text-sm text-muted-foreground">No inputs.</p>;
  return (
    <dl className="space-y-2 text-sm">
      {entries.map(([name, value]) => (
        <div key={name}>
          <dt className="font-mono text-xs text-muted-foreground">{name}</dt>
          <dd className="break-words whitespace-pre-wrap">
            {typeof value === "string" ? value : JSON.stringify(value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
