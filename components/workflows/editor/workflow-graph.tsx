"use client";

import { useEffect, useId, useRef } from "react";
import { graphLayout, type GraphNode } from "@/lib/shared/workflow-graph";
import type { TimelineStatus } from "@/lib/shared/workflow-timeline";
import { cn } from "@/lib/shared/cn";
import { stepTypeLabel } from "../steps/step-types";

const PAD = 20;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const STATUS_STROKE: Partial<Record<TimelineStatus, string>> = {
  running: "stroke-primary",
  done: "stroke-success",
  failed: "stroke-destructive",
  skipped: "stroke-border",
};

function nodeClass(node: GraphNode, invalid: boolean, status: TimelineStatus | undefined) {
  if (node.kind !== "step") return "fill-accent stroke-primary/40";
  if (invalid) return "fill-destructive/10 stroke-destructive";
  return cn("fill-card", (status && STATUS_STROKE[status]) ?? "stroke-border");
}

/**
 * The definition drawn read-only: boxes for Inputs, every step (id, type, model) and Output,
 * edges between them, branches side by side. Wider than the screen, it scrolls sideways in
 * its own box.
 */
export function WorkflowGraph({
  definition,
  invalidSteps,
  statuses,
}: {
  definition: { steps?: unknown } | null;
  invalidSteps?: ReadonlySet<string>;
  statuses?: Readonly<Record<string, TimelineStatus>>;
}) {
  const markerId = `arrow${useId().replace(/[^a-zA-Z0-9]/g, "")}`;
  const layout = graphLayout(definition);
  const byId = new Map(layout.nodes.map((node) => [node.id, node]));
  const steps = layout.nodes.filter((node) => node.kind === "step");
  const width = layout.width + PAD * 2;
  const height = layout.height + PAD * 2;
  const box = useRef<HTMLDivElement>(null);
  // Wider than a phone: start with the middle (where Inputs and Output are) in view.
  useEffect(() => {
    const element = box.current;
    if (element) element.scrollLeft = (element.scrollWidth - element.clientWidth) / 2;
  }, [width]);

  return (
    <div
      ref={box}
      className="overflow-x-auto rounded-lg border border-border bg-muted/30 p-2"
      tabIndex={0}
      role="region"
      aria-label="Workflow graph, scrolls sideways"
    >
      <svg
        role="img"
        aria-label="Workflow graph"
        width={width}
        height={height}
        viewBox={`${-PAD} ${-PAD} ${width} ${height}`}
        className="mx-auto block max-w-none"
      >
        <desc>
          {steps.length} steps: {steps.map((node) => `${node.label} (${node.type})`).join(", ")}
        </desc>
        <defs>
          <marker
            id={markerId}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0 0 10 5 0 10z" className="fill-muted-foreground" />
          </marker>
        </defs>
        {layout.edges.map((edge) => {
          const from = byId.get(edge.from);
          const to = byId.get(edge.to);
          if (!from || !to) return null;
          const x1 = from.x + from.width / 2;
          const y1 = from.y + from.height;
          const x2 = to.x + to.width / 2;
          const y2 = to.y;
          const bend = Math.max(16, (y2 - y1) / 2);
          return (
            <g key={edge.id}>
              <path
                d={`M${x1} ${y1} C${x1} ${y1 + bend} ${x2} ${y2 - bend} ${x2} ${y2 - 2}`}
                fill="none"
                strokeWidth={1.5}
                markerEnd={`url(#${markerId})`}
                className={cn(
                  "stroke-muted-foreground/70",
                  edge.branchKind === "default" && "[stroke-dasharray:5_4]",
                )}
              />
              {edge.label ? (
                <text
                  x={x2}
                  y={y2 - 10}
                  textAnchor="middle"
                  fontSize={11}
                  strokeWidth={4}
                  style={{ paintOrder: "stroke" }}
                  className="fill-muted-foreground stroke-background"
                >
                  {clip(edge.label, 28)}
                </text>
              ) : null}
            </g>
          );
        })}
        {layout.nodes.map((node) => {
          const invalid = node.stepId !== null && (invalidSteps?.has(node.stepId) ?? false);
          const status = node.stepId ? statuses?.[node.stepId] : undefined;
          const sub =
            node.kind === "step"
              ? stepTypeLabel(node.type ?? "")
              : node.kind === "inputs"
                ? "what each run is given"
                : "the last step's result";
          // detailOf repeats the type for python/pass and says "condition" for choice.
          const detail =
            node.kind === "step" &&
            node.detail &&
            !["python", "pass", "choice"].includes(node.type ?? "")
              ? node.detail
              : null;
          return (
            <g key={node.id} opacity={status === "skipped" ? 0.5 : 1}>
              <rect
                x={node.x}
                y={node.y}
                width={node.width}
                height={node.height}
                rx={10}
                strokeWidth={invalid || (status && status !== "waiting") ? 2 : 1.25}
                className={nodeClass(node, invalid, status)}
              />
              <text
                x={node.x + 12}
                y={node.y + 24}
                fontSize={13}
                fontWeight={600}
                className={cn("fill-foreground", node.kind === "step" && "font-mono")}
              >
                {clip(node.label, 24)}
              </text>
              <text x={node.x + 12} y={node.y + 45} fontSize={11} className="fill-muted-foreground">
                {clip(detail ? `${sub} · ${detail}` : sub, 34)}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
