// A definition as boxes and edges for the read-only graph: top to bottom, the branches of a
// parallel or choice step side by side under it, an Inputs box first and an Output box last.
// Coordinates are pixels from the top-left corner. Browser-safe.
import {
  branchesOf,
  isRecord,
  stepIdOf,
  type BranchKind,
  type WorkflowStep,
} from "./workflow-types";

export type GraphNode = {
  id: string;
  kind: "inputs" | "step" | "output";
  stepId: string | null;
  type: string | null;
  label: string;
  /** Model slug, HTTP method and URL, … */
  detail: string | null;
  depth: number;
  x: number;
  y: number;
  width: number;
  height: number;
};

export type GraphEdge = {
  id: string;
  from: string;
  to: string;
  /** The branch name on the edges into a branch. */
  label: string | null;
  branchKind: BranchKind | null;
};

export type GraphLayout = { nodes: GraphNode[]; edges: GraphEdge[]; width: number; height: number };

export type GraphOptions = {
  nodeWidth?: number;
  nodeHeight?: number;
  gapX?: number;
  gapY?: number;
};

type Block = {
  width: number;
  height: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
  entries: string[];
  exits: string[];
};

function detailOf(step: WorkflowStep): string | null {
  switch (step.type) {
    case "model":
      return typeof step.model === "string" ? step.model : null;
    case "http":
      return `${typeof step.method === "string" ? step.method.toUpperCase() : "GET"} ${typeof step.url === "string" ? step.url : ""}`.trim();
    case "parallel":
      return `${Array.isArray(step.branches) ? step.branches.length : 0} branches`;
    case "choice":
      return "condition";
    default:
      return step.type;
  }
}

function shift(block: Block, dx: number, dy: number): void {
  for (const node of block.nodes) {
    node.x += dx;
    node.y += dy;
  }
}

export function graphLayout(
  definition: { steps?: unknown } | null | undefined,
  options: GraphOptions = {},
): GraphLayout {
  const W = options.nodeWidth ?? 220;
  const H = options.nodeHeight ?? 64;
  const GX = options.gapX ?? 32;
  const GY = options.gapY ?? 40;
  const used = new Set<string>();
  let order = 0;
  let edgeNo = 0;
  const edge = (
    from: string,
    to: string,
    label: string | null = null,
    kind: BranchKind | null = null,
  ) => ({
    id: `e${edgeNo++}`,
    from,
    to,
    label,
    branchKind: kind,
  });
  const connect = (froms: string[], tos: string[]) =>
    froms.flatMap((from) => tos.map((to) => edge(from, to)));

  const layoutList = (list: unknown, depth: number): Block => {
    const blocks = (Array.isArray(list) ? list : [])
      .filter(isRecord)
      .map((step) => layoutStep(step as WorkflowStep, depth));
    const width = Math.max(0, ...blocks.map((block) => block.width));
    const block: Block = { width, height: 0, nodes: [], edges: [], entries: [], exits: [] };
    for (const inner of blocks) {
      if (block.nodes.length > 0) block.height += GY;
      shift(inner, (width - inner.width) / 2, block.height);
      block.edges.push(...connect(block.exits, inner.entries), ...inner.edges);
      block.nodes.push(...inner.nodes);
      if (block.entries.length === 0) block.entries = inner.entries;
      block.exits = inner.exits;
      block.height += inner.height;
    }
    return block;
  };

  const layoutStep = (step: WorkflowStep, depth: number): Block => {
    const stepId = stepIdOf(step);
    const id = stepId && !used.has(stepId) ? stepId : `#${order}`;
    used.add(id);
    order += 1;
    const node: GraphNode = {
      id,
      kind: "step",
      stepId: stepId || null,
      type: typeof step.type === "string" ? step.type : null,
      label: stepId || "(no id)",
      detail: detailOf(step),
      depth,
      x: 0,
      y: 0,
      width: W,
      height: H,
    };
    const branches = branchesOf(step);
    if (branches.length === 0)
      return { width: W, height: H, nodes: [node], edges: [], entries: [id], exits: [id] };

    const laid = branches.map((branch) => ({ branch, block: layoutList(branch.steps, depth + 1) }));
    const row =
      laid.reduce((sum, { block }) => sum + Math.max(block.width, W), 0) + GX * (laid.length - 1);
    const width = Math.max(W, row);
    node.x = (width - W) / 2;
    const block: Block = { width, height: H, nodes: [node], edges: [], entries: [id], exits: [] };
    let x = (width - row) / 2;
    let tallest = 0;
    for (const { branch, block: inner } of laid) {
      const slot = Math.max(inner.width, W);
      shift(inner, x + (slot - inner.width) / 2, H + GY);
      x += slot + GX;
      tallest = Math.max(tallest, inner.height);
      block.nodes.push(...inner.nodes);
      block.edges.push(
        ...inner.entries.map((entry) => edge(id, entry, branch.name, branch.kind)),
        ...inner.edges,
      );
      // An empty branch passes straight through the container.
      block.exits.push(...(inner.exits.length > 0 ? inner.exits : [id]));
    }
    // A choice with only one branch may run nothing: the container itself leads on.
    if (step.type === "choice" && branches.length === 1 && !block.exits.includes(id))
      block.exits.push(id);
    block.height = H + GY + tallest;
    return block;
  };

  const body = layoutList(definition?.steps, 0);
  const width = Math.max(W, body.width);
  const inputs: GraphNode = {
    id: "__inputs",
    kind: "inputs",
    stepId: null,
    type: null,
    label: "Inputs",
    detail: null,
    depth: 0,
    x: (width - W) / 2,
    y: 0,
    width: W,
    height: H,
  };
  shift(body, (width - body.width) / 2, H + GY);
  const outputY = body.nodes.length > 0 ? H + GY + body.height + GY : H + GY;
  const output: GraphNode = {
    ...inputs,
    id: "__output",
    kind: "output",
    label: "Output",
    y: outputY,
  };
  const edges = [
    ...connect([inputs.id], body.entries.length > 0 ? body.entries : [output.id]),
    ...body.edges,
    ...connect(body.exits, body.nodes.length > 0 ? [output.id] : []),
  ];
  return { nodes: [inputs, ...body.nodes, output], edges, width, height: outputY + H };
}
