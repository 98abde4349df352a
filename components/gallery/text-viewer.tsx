"use client";

import { useQuery } from "@tanstack/react-query";
import type { AssetView } from "@/lib/shared/asset-types";
import { Alert } from "../ui/alert";
import { Spinner } from "../ui/spinner";

/** Text files can be long; the page shows the first part and the download has the rest. */
const SHOWN_CHARS = 100_000;

/** A text output's words (fetched from the file route: it is a file, not JSON). */
export function TextViewer({ asset }: { asset: AssetView }) {
  const text = useQuery({
    queryKey: ["assets", "text", asset.id],
    queryFn: async () => {
      const response = await fetch(asset.fileUrl);
      if (!response.ok) throw new Error(`The server answered ${response.status}.`);
      return (await response.text()).slice(0, SHOWN_CHARS);
    },
    staleTime: Infinity,
  });
  if (text.isPending) {
    return (
      <p className="flex items-center gap-2 text-sm text-muted-foreground">
        <Spinner /> Loading the text…
      </p>
    );
  }
  if (text.isError)
    return <Alert tone="error">Could not load the text. {text.error.message}</Alert>;
  return (
    <pre className="max-h-[70vh] overflow-auto rounded-xl border border-border bg-card p-4 font-mono text-sm whitespace-pre-wrap break-words">
      {text.data}
    </pre>
  );
}
