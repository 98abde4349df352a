import { Button, ButtonLink } from "../ui/button";
import { EmptyState } from "../ui/empty-state";
import { GalleryIcon } from "../ui/icons";

/** An empty grid: either nothing made yet (go make something) or nothing matching the
 *  filters (clear them). */
export function GalleryEmpty({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  return filtered ? (
    <EmptyState
      icon={<GalleryIcon width={40} height={40} />}
      title="Nothing matches"
      action={
        <Button variant="secondary" onClick={onClear}>
          Clear filters
        </Button>
      }
    >
      No item matches these filters. Try fewer words or turn a filter off.
    </EmptyState>
  ) : (
    <EmptyState
      icon={<GalleryIcon width={40} height={40} />}
      title="Nothing here yet"
      action={<ButtonLink href="/models">Browse models</ButtonLink>}
    >
      Images, videos and audio you generate are collected here, kept for good.
    </EmptyState>
  );
}
