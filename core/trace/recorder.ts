// The tracer: records every node run of a flow without changing the core. It wraps the hooks every
// node has (prep opens a step, exec counts attempts, post closes the step) where they are defined:
// on the node's class, or on the node itself when a hook was set there. Nodes it attaches to carry a
// few marks of their own, which the shallow copies a flow runs keep, so every copy reports to the
// tracer too. Nothing here imports the core: any object with the core's shape works.
import { diff, type Change } from "./diff";
import {
  messageOf,
  ORIGIN,
  OWNER,
  SKIP,
  TRACER,
  wrapHooks,
  type Marked,
  type OpenStep,
  type StepSink,
} from "./hooks";
import { snapshot, type Plain, type SnapshotOptions } from "./snapshot";

// #region traceable-node
/** The shape of a node as the course's core defines it (BaseNode, Node, Flow, the batches). */
export interface TraceableNode {
  params: object;
  successors: Map<string, TraceableNode>;
  prep(shared: never): unknown;
  exec(prepRes: never): unknown;
  post(shared: never, prepRes: never, execRes: never): unknown;
  /** Flows have one; nodes don't. */
  startNode?: TraceableNode | undefined;
}
// #endregion traceable-node

// #region trace-step
/** One run of one node (or flow): what it was, what it returned, what it changed. */
export interface TraceStep {
  /** The order the steps started in, from 0. */
  index: number;
  /** The node's class name, such as `Decide`. */
  node: string;
  /** "flow" for anything with a start node (a Flow, a BatchFlow, …). */
  kind: "node" | "flow";
  /** The step of the flow this one ran inside; undefined for a run started from outside. */
  parent: number | undefined;
  /** 0 at the top, 1 inside a flow's step, 2 inside a nested flow, … */
  depth: number;
  /** `this.params` as the flow set them. */
  params: Plain;
  /** What post returned: the action that picks the next node (undefined means "default", or the end). */
  action: string | undefined;
  /** running: not finished yet (or it never will: see Tracer.finish); failed: it threw. */
  status: "running" | "done" | "failed";
  /** Why it failed. */
  error?: string;
  /** How often exec ran: retries and batch items each count. */
  execCalls: number;
  /** The messages of exec calls that threw (a retry follows each, but the last). */
  execErrors: string[];
  /** When it started, in ms after the tracer's first step, and how long it took. */
  startMs: number;
  durationMs: number;
  /** What the step changed in the shared store, from the start of prep to the end of post. */
  changes: Change[];
  /** The shared store before the step: kept for steps at the top only, where a run starts. */
  storeBefore?: Plain;
}
// #endregion trace-step

export interface TracerOptions {
  /** A clock in milliseconds; `performance.now` by default. Tests pass a counter. */
  now?: () => number;
  /** Steps past this many are counted in `dropped` but not recorded (an endless loop stays cheap). */
  maxSteps?: number;
  snapshot?: SnapshotOptions;
}

export class Tracer implements StepSink {
  /** Every recorded step, in the order they started. */
  steps: TraceStep[] = [];
  /** Steps that ran past `maxSteps` and were not recorded. */
  dropped = 0;
  private open: OpenStep[] = [];
  private zero: number | undefined;
  private readonly now: () => number;
  private readonly maxSteps: number;
  private readonly snapshotOptions: SnapshotOptions;

  constructor({ now = () => performance.now(), maxSteps = 1000, snapshot: limits = {} }: TracerOptions = {}) {
    this.now = now;
    this.maxSteps = maxSteps;
    this.snapshotOptions = limits;
  }

  // #region attach
  /** Instruments every node reachable from `root` (successors, and the insides of flows); returns it. */
  attach<T extends TraceableNode>(root: T): T {
    const seen = new Set<TraceableNode>();
    const visit = (node: TraceableNode, owner: object | undefined) => {
      if (seen.has(node)) return;
      seen.add(node);
      this.instrument(node as Marked, owner);
      if (node.startNode) visit(node.startNode, node);
      for (const next of node.successors?.values() ?? []) visit(next, owner);
    };
    visit(root, (root as Marked)[OWNER]);
    return root;
  }
  // #endregion attach

  /** Marks every step still running as failed (the run threw past it) and returns the steps. */
  finish(error?: unknown): TraceStep[] {
    for (const open of [...this.open].reverse()) {
      const last = open.step.execErrors.at(-1);
      this.close(open, undefined, error === undefined ? (last ?? "it did not finish") : messageOf(error));
    }
    return this.steps;
  }

  /** The steps so far, finished; the tracer starts afresh (one trace per test). */
  take(): { steps: TraceStep[]; dropped: number } {
    const taken = { steps: this.finish(), dropped: this.dropped };
    this.steps = [];
    this.dropped = 0;
    this.zero = undefined;
    return taken;
  }

  private instrument(node: Marked, owner: object | undefined) {
    node[OWNER] = owner;
    node[TRACER] = this;
    node[ORIGIN] = node;
    wrapHooks(node);
  }

  /** Called by a node's prep: a step begins. */
  begin(node: Marked, shared: unknown): OpenStep | undefined {
    if (node[SKIP]) return undefined;
    if (this.steps.length >= this.maxSteps) {
      this.dropped += 1;
      return undefined;
    }
    const started = this.now();
    this.zero ??= started;
    const owner = node[OWNER];
    const parent = owner && this.open.findLast((open) => open.origin === owner);
    const before = snapshot(shared, this.snapshotOptions);
    const step: TraceStep = {
      index: this.steps.length,
      node: node.constructor.name || "(anonymous node)",
      kind: "startNode" in node ? "flow" : "node",
      parent: parent?.step.index,
      depth: parent ? parent.step.depth + 1 : 0,
      params: snapshot(node.params, this.snapshotOptions),
      action: undefined,
      status: "running",
      execCalls: 0,
      execErrors: [],
      startMs: started - this.zero,
      durationMs: 0,
      changes: [],
      ...(parent ? {} : { storeBefore: before }),
    };
    this.steps.push(step);
    const open: OpenStep = { step, origin: node[ORIGIN], shared, before, started };
    this.open.push(open);
    return open;
  }

  /** Called when post returns (or a hook throws): the step ends. */
  close(open: OpenStep, action: unknown, error?: string) {
    const at = this.open.indexOf(open);
    if (at < 0) return;
    this.open.splice(at, 1);
    const { step } = open;
    step.durationMs = this.now() - open.started;
    step.changes = diff(open.before, snapshot(open.shared, this.snapshotOptions));
    if (error === undefined) {
      step.status = "done";
      step.action = typeof action === "string" ? action : undefined;
    } else {
      step.status = "failed";
      step.error = error;
    }
  }
}
