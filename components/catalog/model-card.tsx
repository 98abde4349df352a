import Link from "next/link";
import { useId } from "react";
import type { CatalogModel } from "@/lib/shared/catalog-types";
import { Card } from "../ui/card";
import { KindBadges } from "./kind-badges";
import { ModelThumbnail } from "./model-thumbnail";

/** One model in the catalog grid; the whole card links to its page. */
export function ModelCard({ model }: { model: CatalogModel }) {
  const id = useId();
  return (
    <Link
      href={`/models/${encodeURIComponent(model.slug)}`}
      // Thousands of cards scroll past; prefetching each would ask the (dynamic) server for
      // every one of them. The model page loads on click instead.
      prefetch={false}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-description ${id}-kinds`}
      className="group block h-full rounded-xl focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
    >
      <Card className="flex h-full flex-col overflow-hidden transition group-hover:border-primary/40 group-hover:shadow-md">
        <ModelThumbnail kind={model.makes} url={model.exampleUrl} />
        <div className="flex flex-1 flex-col gap-2 p-4">
          <div className="min-w-0">
            <h2 id={`${id}-title`} className="truncate font-semibold">
              {model.title}
            </h2>
            <p className="truncate font-mono text-xs text-muted-foreground">{model.slug}</p>
          </div>
          <p
            id={`${id}-description`}
            className="line-clamp-2 min-h-10 text-sm text-muted-foreground"
          >
            {model.description || "No description yet."}
          </p>
          <div id={`${id}-kinds`} className="mt-auto pt-1">
            <KindBadges makes={model.makes} takes={model.takes} />
          </div>
        </div>
      </Card>
    </Link>
  );
}
