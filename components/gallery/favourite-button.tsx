"use client";

import { cn } from "@/lib/shared/cn";
import { StarIcon } from "./gallery-icons";
import { useFavourite } from "./use-favourite";

/** The star toggle, named "Favourite" with aria-pressed, for a tile or the asset page. */
export function FavouriteButton({
  id,
  favorite,
  variant = "tile",
}: {
  id: string;
  favorite: boolean;
  variant?: "tile" | "page";
}) {
  const mutation = useFavourite(id);
  return (
    <button
      type="button"
      aria-pressed={favorite}
      aria-busy={mutation.isPending}
      title={favorite ? "Remove from favourites" : "Add to favourites"}
      onClick={() => mutation.mutate(!favorite)}
      className={cn(
        "inline-flex items-center justify-center gap-2 transition focus-visible:outline-2 focus-visible:outline-ring",
        variant === "tile"
          ? "size-8 rounded-full bg-black/45 text-white backdrop-blur-sm hover:bg-black/65"
          : "h-10 rounded-md border border-border bg-card px-3 text-sm font-medium hover:bg-muted",
        favorite && (variant === "tile" ? "text-warning" : "text-foreground"),
        mutation.isPending && "opacity-70",
      )}
    >
      <StarIcon
        filled={favorite}
        width={variant === "tile" ? 18 : 20}
        height={variant === "tile" ? 18 : 20}
        className={favorite ? "text-warning" : undefined}
      />
      {variant === "page" ? "Favourite" : <span className="sr-only">Favourite</span>}
    </button>
  );
}
