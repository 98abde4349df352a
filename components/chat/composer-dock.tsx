import type { ReactNode, Ref } from "react";

/**
 * Holds the composer at the bottom of the screen while the conversation scrolls past above
 * it (the page scrolls, not a box, which phones handle best).
 */
export function ComposerDock({
  children,
  ref,
}: {
  children: ReactNode;
  ref?: Ref<HTMLDivElement>;
}) {
  return (
    <div
      ref={ref}
      data-composer-dock
      className="sticky bottom-0 z-10 -mx-1 bg-gradient-to-t from-background from-80% to-transparent px-1 pt-3 pb-3"
    >
      {children}
    </div>
  );
}
