import type { AssetView } from "@/lib/shared/asset-types";
import { cn } from "@/lib/shared/cn";
import { FileIcon } from "../ui/icons";

/** A text output (or another file) as a card with its words, since there is no picture. */
export function TextTile({
  asset,
  caption,
  selecting,
}: {
  asset: AssetView;
  caption: string;
  /** Leaves room for the selection checkbox in the corner. */
  selecting: boolean;
}) {
  return (
    <div className="flex size-full flex-col gap-2 rounded-lg border border-input bg-linear-to-br from-warning/15 via-card to-card p-3">
      <span
        className={cn(
          "flex items-center gap-1.5 text-xs font-medium tracking-wide text-muted-foreground uppercase",
          selecting && "pl-7",
        )}
      >
        <FileIcon width={14} height={14} />
        {asset.kind === "text" ? "Text" : asset.contentType}
      </span>
      <p className="line-clamp-5 min-h-0 text-sm leading-snug text-card-foreground">{caption}</p>
    </div>
  );
}
