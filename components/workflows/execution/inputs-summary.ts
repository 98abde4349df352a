/** A run's inputs in one short line: `prompt: "A fox…" · scale: 2`. */
export function inputsSummary(inputs: Record<string, unknown>, max = 80): string {
  const text = Object.entries(inputs)
    .map(
      ([name, value]) =>
        `${name}: ${typeof value === "string" ? `“${value}”` : JSON.stringify(value)}`,
    )
    .join(" · ");
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
