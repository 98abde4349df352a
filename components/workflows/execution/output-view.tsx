"use client";

import { useState } from "react";
import type { ExecutionAssetView } from "@/lib/shared/workflow-api";
import { outputItems } from "@/lib/shared/run-output";
import { Lightbox } from "../../runs/lightbox";
import { MediaPreview } from "./media-preview";

export type OutputFile = { key: string; asset: ExecutionAssetView | null };

/** An output: its files as media, anything else as text or JSON. */
export function OutputView({
  output,
  files,
  saving,
  label,
  asData = false,
}: {
  output: unknown;
  files: OutputFile[];
  saving: boolean;
  label: string;
  /** Show the output as it is (http, python, pass results), not as media with text. */
  asData?: boolean;
}) {
  const [zoomed, setZoomed] = useState<ExecutionAssetView | null>(null);
  const texts = asData
    ? output === null || output === undefined
      ? []
      : [
          typeof output === "string"
            ? { type: "text" as const, text: output }
            : { type: "json" as const, value: output },
        ]
    : outputItems(output).filter((item) => item.type !== "url");
  if (files.length === 0 && texts.length === 0)
    return <p className="text-sm text-muted-foreground">No output.</p>;
  return (
    <div className="space-y-2">
      {files.length > 0 ? (
        <div className="flex flex-wrap gap-2">
          {files.map((file, index) => (
            <MediaPreview
              key={file.key}
              asset={file.asset}
              saving={saving}
              label={files.length > 1 ? `${label} ${index + 1}` : label}
              onZoom={setZoomed}
            />
          ))}
        </div>
      ) : null}
      {texts.map((item, index) => (
        <pre
          key={index}
          className="max-h-64 overflow-auto rounded-lg border border-border bg-muted p-2.5 font-mono text-xs whitespace-pre-wrap break-words"
        >
          {item.type === "text"
            ? item.text
            : JSON.stringify(item.type === "json" ? item.value : null, null, 2)}
        </pre>
      ))}
      {zoomed ? <Lightbox src={zoomed.url} alt={label} onClose={() => setZoomed(null)} /> : null}
    </div>
  );
}
