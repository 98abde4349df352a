import { useId } from "react";
import { cn } from "@/lib/shared/cn";
import type { MediaKind } from "@/lib/shared/catalog-types";
import { MEDIA_KIND_LABELS } from "@/lib/shared/model-kinds";
import { KindIcon } from "./kind-icons";

/** A labelled row of toggle buttons, one per media kind ("Makes: Image Video Audio Text"). */
export function FilterChips({
  label,
  kinds,
  selected,
  onToggle,
}: {
  label: string;
  kinds: readonly MediaKind[];
  selected: readonly MediaKind[];
  onToggle: (kind: MediaKind) => void;
}) {
  const labelId = useId();
  return (
    <div role="group" aria-labelledby={labelId} className="flex flex-wrap items-center gap-2">
      <span
        id={labelId}
        className="w-14 text-xs font-medium tracking-wide text-muted-foreground uppercase sm:w-auto"
      >
        {label}
      </span>
      {kinds.map((kind) => {
        const pressed = selected.includes(kind);
        return (
          <button
            key={kind}
            type="button"
            aria-pressed={pressed}
            onClick={() => onToggle(kind)}
            className={cn(
              "inline-flex h-8 items-center gap-1.5 rounded-full border px-2.5 text-sm transition sm:px-3",
              "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
              pressed
                ? "border-primary bg-primary text-primary-foreground shadow-sm"
                : "border-border bg-card text-foreground hover:bg-muted",
            )}
          >
            {/* Icons only where four chips and the label fit on one line with them. */}
            <KindIcon kind={kind} width={16} height={16} className="hidden sm:block" />
            {MEDIA_KIND_LABELS[kind]}
          </button>
        );
      })}
    </div>
  );
}
