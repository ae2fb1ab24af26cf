// A tracer of your own: watch a flow run without changing the core, then draw its graph.
import type { Action, MaybePromise, Params } from "./pocketflow";

/** Any node or flow of the core, whatever its store and results: the parts of it a tracer touches. */
export interface AnyNode {
  params: Params;
  successors: Map<Action, AnyNode>;
  prep(shared: never): unknown;
  post(shared: never, prepRes: never, execRes: never): MaybePromise<Action | void>;
}

/** One change to the shared store, by top-level key. */
export type Change =
  | { key: string; kind: "added"; after: unknown }
  | { key: string; kind: "changed"; before: unknown; after: unknown }
  | { key: string; kind: "removed"; before: unknown };

/** One run of one node, as the tracer saw it. */
export interface Step {
  /** The node's class name, such as "Decide". */
  node: string;
  /** What post returned; "default" when it returned nothing. */
  action: Action;
  /** The params the flow gave the node. */
  params: Params;
  /** What the node changed in the shared store, from the start of prep to the end of post. */
  changes: Change[];
}

/** Given: a copy of the store that later changes cannot touch (functions are dropped, as JSON does). */
export function snapshot(shared: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(shared ?? {})) as Record<string, unknown>;
}

/** Given: deep equality for snapshots. */
export const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

// #region diff-store
/** What changed between two snapshots: the keys of `after` that are new or different, then removed keys. */
export function diffStore(before: Record<string, unknown>, after: Record<string, unknown>): Change[] {
  const changes: Change[] = [];
  for (const [key, value] of Object.entries(after)) {
    if (!(key in before)) changes.push({ key, kind: "added", after: value });
    else if (!same(before[key], value))
      changes.push({ key, kind: "changed", before: before[key], after: value });
  }
  for (const key of Object.keys(before)) {
    if (!(key in after)) changes.push({ key, kind: "removed", before: before[key] });
  }
  return changes;
}
// #endregion diff-store

// #region walk
/** A flow's start node, or undefined for a plain node. */
const startOf = (node: AnyNode) =>
  "startNode" in node ? (node.startNode as AnyNode | undefined) : undefined;

/**
 * Every node reachable from `start`, each once, in the order the walk meets them: `start`, then what
 * each node's successors lead to, and (with insideFlows) the nodes inside nested flows.
 */
export function nodesOf(start: AnyNode, { insideFlows = true } = {}): AnyNode[] {
  const found: AnyNode[] = [];
  const visit = (node: AnyNode | undefined) => {
    if (!node || found.includes(node)) return;
    found.push(node);
    if (insideFlows) visit(startOf(node));
    for (const next of node.successors.values()) visit(next);
  };
  visit(start);
  return found;
}
// #endregion walk

// #region trace-flow
/**
 * Instruments every node of `flow` and returns the list its runs are recorded into. The wrappers are
 * set on the graph's own nodes: a flow runs shallow copies, which keep those own properties.
 */
export function traceFlow(flow: AnyNode): Step[] {
  const steps: Step[] = [];
  for (const node of nodesOf(flow)) {
    const { prep, post } = node;
    let before: Record<string, unknown> = {};
    node.prep = async function (this: AnyNode, shared: never) {
      before = snapshot(shared);
      return prep.call(this, shared);
    };
    node.post = async function (this: AnyNode, shared: never, prepRes: never, execRes: never) {
      const action = await post.call(this, shared, prepRes, execRes);
      steps.push({
        node: this.constructor.name,
        action: action || "default",
        params: { ...this.params },
        changes: diffStore(before, snapshot(shared)),
      });
      return action;
    };
  }
  return steps;
}
// #endregion trace-flow

// #region mermaid
/** The flow's graph as Mermaid text: `flowchart LR`, one `id["ClassName"]` per node, one arrow per action. */
export function toMermaid(flow: AnyNode): string {
  const start = startOf(flow);
  const nodes = start ? nodesOf(start, { insideFlows: false }) : [];
  const id = (node: AnyNode) => `n${nodes.indexOf(node)}`;
  const lines = ["flowchart LR"];
  for (const node of nodes) lines.push(`  ${id(node)}["${node.constructor.name}"]`);
  for (const node of nodes) {
    for (const [action, next] of node.successors) {
      const arrow = action === "default" ? "-->" : `-->|"${action}"|`;
      lines.push(`  ${id(node)} ${arrow} ${id(next)}`);
    }
  }
  return lines.join("\n");
}
// #endregion mermaid
