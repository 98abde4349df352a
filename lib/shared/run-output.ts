// What a prediction's `output` holds: the API says string | array | object. Media come as
// URLs (one, or an array); some models answer with text or JSON instead.

export type OutputItem =
  { type: "url"; url: string } | { type: "text"; text: string } | { type: "json"; value: unknown };

function isHttpUrl(value: string): boolean {
  return /^https?:\/\/\S+$/i.test(value.trim());
}

export function outputItems(output: unknown): OutputItem[] {
  if (output === null || output === undefined || output === "") return [];
  if (typeof output === "string")
    return [
      isHttpUrl(output) ? { type: "url", url: output.trim() } : { type: "text", text: output },
    ];
  if (Array.isArray(output)) {
    if (output.every((item) => typeof item === "string"))
      return output.flatMap((item) => outputItems(item));
    return [{ type: "json", value: output }];
  }
  if (typeof output === "object") {
    // Some models wrap their files: {"url": …} or {"image": …} or {"urls": […]}.
    const record = output as Record<string, unknown>;
    const urls = Object.values(record).flatMap((value) =>
      typeof value === "string" && isHttpUrl(value)
        ? [value]
        : Array.isArray(value)
          ? value.filter((v): v is string => typeof v === "string" && isHttpUrl(v))
          : [],
    );
    if (urls.length > 0 && Object.keys(record).length <= 3)
      return urls.map((url) => ({ type: "url", url }));
    return [{ type: "json", value: output }];
  }
  return [{ type: "text", text: String(output) }];
}

export function outputUrls(output: unknown): string[] {
  return outputItems(output).flatMap((item) => (item.type === "url" ? [item.url] : []));
}
