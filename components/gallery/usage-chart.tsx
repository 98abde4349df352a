"use client";

import { useRef } from "react";
import { formatCost, formatDay, plural } from "./format";
import { useContainerWidth } from "./use-container-width";
import { bands, formatCostTick, labelEvery, niceScale, yScale } from "./usage-scales";

export type UsageDayPoint = { day: string; runs: number; cost: number };

// Room for the axis labels: runs on the left, dollars on the right, days underneath.
const MARGIN = { top: 24, right: 52, bottom: 28, left: 36 };

export function usageSummary(days: readonly UsageDayPoint[]): string {
  const runs = days.reduce((sum, day) => sum + day.runs, 0);
  const cost = days.reduce((sum, day) => sum + day.cost, 0);
  const first = days[0];
  const last = days.at(-1);
  const range = first && last ? ` (${formatDay(first.day)} to ${formatDay(last.day)})` : "";
  const busiest = days.reduce<UsageDayPoint | null>(
    (best, day) => (day.runs > (best?.runs ?? 0) ? day : best),
    null,
  );
  return (
    `Runs per day as bars and cost per day as a line, last ${days.length} days${range}: ` +
    `${plural(runs, "run")} costing ${formatCost(cost)} in total` +
    (busiest ? `; busiest day ${formatDay(busiest.day)} with ${plural(busiest.runs, "run")}.` : ".")
  );
}

/**
 * Runs per day (bars, left axis) and cost per day (line, right axis), drawn at the
 * container's real width so labels keep their size on a phone; every day has a hover area
 * whose <title> is its tooltip. The whole chart is one image to screen readers, named by
 * its summary; the table under it has the figures.
 */
export function UsageChart({ days }: { days: readonly UsageDayPoint[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useContainerWidth(ref) ?? 720;
  const height = width < 480 ? 220 : 260;
  const plotWidth = Math.max(10, width - MARGIN.left - MARGIN.right);
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const runScale = niceScale(Math.max(0, ...days.map((day) => day.runs)), {
    count: 4,
    integer: true,
  });
  const costScale = niceScale(Math.max(0, ...days.map((day) => day.cost)), { count: 4 });
  const yRuns = yScale(runScale.max, plotHeight);
  const yCost = yScale(costScale.max, plotHeight);
  const slots = bands(days.length, plotWidth, 0.28);
  const every = labelEvery(days.length, plotWidth, 48);
  const line = days
    .map(
      (day, index) =>
        `${index === 0 ? "M" : "L"}${slots.center(index).toFixed(1)},${yCost(day.cost).toFixed(1)}`,
    )
    .join(" ");

  return (
    <div ref={ref} className="w-full">
      <svg
        role="img"
        aria-label={usageSummary(days)}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        className="block max-w-full overflow-visible text-[11px]"
      >
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          <text x={-8} y={-12} textAnchor="end" className="fill-muted-foreground font-medium">
            Runs
          </text>
          <text x={plotWidth + 8} y={-12} className="fill-muted-foreground font-medium">
            Cost
          </text>
          {runScale.ticks.map((tick) => (
            <g key={tick} transform={`translate(0,${yRuns(tick)})`}>
              <line
                x2={plotWidth}
                className="stroke-border"
                strokeDasharray={tick === 0 ? undefined : "3 3"}
              />
              <text
                x={-8}
                dy="0.32em"
                textAnchor="end"
                className="fill-muted-foreground tabular-nums"
              >
                {tick}
              </text>
            </g>
          ))}
          {costScale.ticks.map((tick) => (
            <text
              key={tick}
              x={plotWidth + 8}
              y={yCost(tick)}
              dy="0.32em"
              className="fill-muted-foreground tabular-nums"
            >
              {formatCostTick(tick)}
            </text>
          ))}
          {days.map((day, index) =>
            day.runs > 0 ? (
              <rect
                key={day.day}
                x={slots.x(index)}
                y={yRuns(day.runs)}
                width={slots.bar}
                height={plotHeight - yRuns(day.runs)}
                rx={Math.min(3, slots.bar / 3)}
                className="fill-primary/80"
              />
            ) : null,
          )}
          <path
            d={line}
            fill="none"
            strokeWidth={2}
            strokeLinejoin="round"
            className="stroke-warning"
          />
          {days.map((day, index) =>
            day.cost > 0 ? (
              <circle
                key={day.day}
                cx={slots.center(index)}
                cy={yCost(day.cost)}
                r={2.5}
                className="fill-warning"
              />
            ) : null,
          )}
          {days.map((day, index) =>
            (days.length - 1 - index) % every === 0 ? (
              <text
                key={day.day}
                x={slots.center(index)}
                y={plotHeight + 18}
                textAnchor="middle"
                className="fill-muted-foreground"
              >
                {formatDay(day.day)}
              </text>
            ) : null,
          )}
          {days.map((day, index) => (
            <rect
              key={day.day}
              x={index * slots.band}
              y={0}
              width={slots.band}
              height={plotHeight}
              className="fill-transparent hover:fill-foreground/5"
            >
              <title>{`${formatDay(day.day)}: ${plural(day.runs, "run")}, ${formatCost(day.cost)}`}</title>
            </rect>
          ))}
        </g>
      </svg>
    </div>
  );
}
