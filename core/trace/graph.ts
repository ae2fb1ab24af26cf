// The graph of a flow as data (its nodes, the flows they sit in, the labelled actions between them)
// and as Mermaid text, which GitHub, many editors and mermaid.live draw as a diagram.
import type { TraceableNode } from "./recorder";

export interface GraphNode {
  /** n0, n1, … in the order a walk from the root meets them. */
  id: string;
  /** The class name, such as `Decide`. */
  name: string;
  kind: "node" | "flow";
  /** The id of the flow this node sits in; undefined for the root. */
  parent: string | undefined;
  /** For a flow: the id of its start node. */
  start?: string;
}

export interface GraphEdge {
  from: string;
  to: string;
  action: string;
}

export interface Graph {
  root: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Walks the graph from `root`: every node once, every successor edge, every flow's inside. */
export function describeGraph(root: TraceableNode): Graph {
  const ids = new Map<TraceableNode, string>();
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const pending: TraceableNode[] = [];
  const idOf = (node: TraceableNode, parent: string | undefined) => {
    let id = ids.get(node);
    if (id === undefined) {
      id = `n${ids.size}`;
      ids.set(node, id);
      const kind = "startNode" in node ? "flow" : "node";
      nodes.push({ id, name: node.constructor.name || "(anonymous node)", kind, parent });
      pending.push(node);
    }
    return id;
  };
  idOf(root, undefined);
  for (let i = 0; i < pending.length; i++) {
    const node = pending[i] as TraceableNode;
    const own = nodes[i] as GraphNode;
    if (node.startNode) own.start = idOf(node.startNode, own.id);
    for (const [action, next] of node.successors?.entries() ?? []) {
      edges.push({ from: own.id, to: idOf(next, own.parent), action });
    }
  }
  return { root: nodes[0]?.id ?? "n0", nodes, edges };
}

const isGraph = (value: Graph | TraceableNode): value is Graph =>
  "root" in value && "edges" in value && Array.isArray(value.edges) && Array.isArray(value.nodes);

const label = (text: string) => `"${text.replaceAll('"', "#quot;")}"`;

export interface MermaidOptions {
  /** LR (left to right, the default) or TD (top down). */
  direction?: "LR" | "TD";
}

/**
 * The graph as a Mermaid flowchart: nested flows are boxes (subgraphs) around their nodes, each flow's
 * start is marked by a small "start" circle, and each edge carries its action ("default" is unlabelled).
 */
export function toMermaid(graph: Graph | TraceableNode, { direction = "LR" }: MermaidOptions = {}): string {
  const { root, nodes, edges } = isGraph(graph) ? graph : describeGraph(graph);
  const lines = [`flowchart ${direction}`];
  const childrenOf = (parent: string) => nodes.filter((node) => node.parent === parent);
  const draw = (node: GraphNode, indent: string) => {
    if (node.kind !== "flow") {
      lines.push(`${indent}${node.id}[${label(node.name)}]`);
      return;
    }
    const inner = node.id === root ? indent : `${indent}  `;
    if (node.id !== root) lines.push(`${indent}subgraph ${node.id}[${label(node.name)}]`);
    if (node.start) lines.push(`${inner}${node.id}_start((start)) --> ${node.start}`);
    for (const child of childrenOf(node.id)) draw(child, inner);
    if (node.id !== root) lines.push(`${indent}end`);
  };
  for (const node of nodes.filter((candidate) => candidate.parent === undefined)) draw(node, "  ");
  for (const edge of edges) {
    const arrow = edge.action === "default" ? "-->" : `-->|${label(edge.action)}|`;
    lines.push(`  ${edge.from} ${arrow} ${edge.to}`);
  }
  return lines.join("\n");
}
