import type { MediaKind } from "@/lib/shared/catalog-types";
import { MEDIA_KIND_LABELS } from "@/lib/shared/model-kinds";
import { KindIcon } from "./kind-icons";

/** "▶ Video  from Image · Text": what a model makes, filled; what it reads, outlined. */
export function KindBadges({ makes, takes }: { makes: MediaKind; takes: readonly MediaKind[] }) {
  return (
    <div className="flex flex-wrap items-center gap-1.5 text-xs">
      <span className="inline-flex items-center gap-1 rounded-full bg-accent px-2 py-0.5 font-medium text-accent-foreground">
        <span className="sr-only">Makes</span>
        <KindIcon kind={makes} width={14} height={14} />
        {MEDIA_KIND_LABELS[makes]}
      </span>
      {takes.length > 0 ? <span className="text-muted-foreground">from</span> : null}
      {takes.map((kind) => (
        <span
          key={kind}
          className="rounded-full border border-border px-2 py-0.5 text-muted-foreground"
        >
          {MEDIA_KIND_LABELS[kind]}
        </span>
      ))}
    </div>
  );
}
