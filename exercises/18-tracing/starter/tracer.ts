// A tracer of your own: watch a flow run without changing the core, then draw its graph.
/* eslint-disable @typescript-eslint/no-unused-vars -- the TODO stubs do not use their arguments yet */
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

/** What changed between two snapshots: the keys of `after` that are new or different, then removed keys. */
export function diffStore(before: Record<string, unknown>, after: Record<string, unknown>): Change[] {
  throw new Error(
    "TODO: diffStore: for each key of after, added (not in before) or changed (not `same`); then each key of before that is gone, removed",
  );
}

/** A flow's start node, or undefined for a plain node. */
const startOf = (node: AnyNode) =>
  "startNode" in node ? (node.startNode as AnyNode | undefined) : undefined;

/**
 * Every node reachable from `start`, each once, in the order the walk meets them: `start`, then what
 * each node's successors lead to, and (with insideFlows) the nodes inside nested flows.
 */
export function nodesOf(start: AnyNode, { insideFlows = true } = {}): AnyNode[] {
  throw new Error(
    "TODO: nodesOf: visit start; for each node not yet found: add it, visit startOf(node) if insideFlows, then each of node.successors.values()",
  );
}

/**
 * Instruments every node of `flow` and returns the list its runs are recorded into. The wrappers are
 * set on the graph's own nodes: a flow runs shallow copies, which keep those own properties.
 */
export function traceFlow(flow: AnyNode): Step[] {
  throw new Error(
    "TODO: traceFlow: for every node of nodesOf(flow), replace node.prep (take a snapshot, then call the old prep) and node.post (call the old post, then push a Step)",
  );
}

/** The flow's graph as Mermaid text: `flowchart LR`, one `id["ClassName"]` per node, one arrow per action. */
export function toMermaid(flow: AnyNode): string {
  throw new Error(
    'TODO: toMermaid: "flowchart LR", then `  n0["Decide"]` per node of the flow, then `  n0 -->|"search"| n1` per action ("-->" alone for default)',
  );
}
