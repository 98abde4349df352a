"use client";

import { type CSSProperties, type ReactNode, useMemo, useRef } from "react";
import type { AssetView } from "@/lib/shared/asset-types";
import { assetAspect } from "./asset-label";
import { clampAspect, justifyRows } from "./justified-layout";
import { useContainerWidth } from "./use-container-width";

/** Below Tailwind's `sm` the rows get lower and the gaps thinner, for a phone's width. */
function rowMetrics(width: number) {
  return width < 640 ? { targetHeight: 140, gap: 4 } : { targetHeight: 200, gap: 8 };
}

export type TileRender = (
  asset: AssetView,
  index: number,
  style: CSSProperties,
  width: number | null,
) => ReactNode;

/**
 * The gallery's justified rows. Once the container is measured the rows come from
 * `justifyRows` and are re-packed on every resize. Before that — the server's HTML and the
 * first paint — a flex-wrap approximation of the same layout: each tile grows in
 * proportion to its aspect ratio from the target height, and a filler keeps the last line
 * from stretching.
 */
export function JustifiedGrid({
  assets,
  label,
  renderTile,
  busy,
}: {
  assets: readonly AssetView[];
  label: string;
  renderTile: TileRender;
  busy?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useContainerWidth(ref);
  const aspects = useMemo(() => assets.map((asset) => clampAspect(assetAspect(asset))), [assets]);
  const rows = useMemo(
    () => (width ? justifyRows(aspects, { width, ...rowMetrics(width) }) : null),
    [aspects, width],
  );

  return (
    <div ref={ref} aria-busy={busy || undefined}>
      {rows && width ? (
        <div
          role="list"
          aria-label={label}
          className="flex flex-col"
          style={{ gap: rowMetrics(width).gap }}
        >
          {rows.map((row) => (
            <div
              role="none"
              key={row.items[0]!.index}
              className="flex"
              style={{ gap: rowMetrics(width).gap, height: row.height }}
            >
              {row.items.map((box) =>
                renderTile(
                  assets[box.index]!,
                  box.index,
                  { width: box.width, height: box.height },
                  box.width,
                ),
              )}
            </div>
          ))}
        </div>
      ) : (
        <div
          role="list"
          aria-label={label}
          className="flex flex-wrap gap-1 [--row:140px] sm:gap-2 sm:[--row:200px]"
        >
          {assets.map((asset, index) =>
            renderTile(
              asset,
              index,
              {
                height: "var(--row)",
                flexGrow: aspects[index],
                flexBasis: `calc(var(--row) * ${aspects[index]})`,
                maxWidth: "100%",
              },
              null,
            ),
          )}
          <div role="none" className="grow-[1000]" />
        </div>
      )}
    </div>
  );
}
