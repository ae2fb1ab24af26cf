// Tracing every run of a core, from outside it: `run` is the one door into a graph (a flow's run, or
// a single node's), so wrapping BaseNode's run lets a host (a test engine, the examples' --trace)
// attach the tracer to whatever graph a test or an app runs, without either of them knowing.
import type { TraceableNode, Tracer } from "./recorder";

/** What a core module must export: BaseNode, whose prototype's `run(shared)` every node inherits. */
export interface TraceableCore {
  BaseNode: { prototype: { run(shared: never): Promise<unknown> } };
}

// #region install
export interface InstallOptions {
  /** Told about each graph as it starts to run (a host may want to draw it later). */
  onRun?: (root: TraceableNode) => void;
}

/** Attaches `tracer` to every graph that is run from now on; returns a function that undoes it. */
export function installTracing(
  core: TraceableCore,
  tracer: Tracer,
  { onRun }: InstallOptions = {},
): () => void {
  const proto = core.BaseNode.prototype as { run(this: TraceableNode, shared: unknown): Promise<unknown> };
  const original = proto.run;
  proto.run = function (this: TraceableNode, shared: unknown) {
    tracer.attach(this);
    onRun?.(this);
    return original.call(this, shared);
  };
  return () => {
    proto.run = original;
  };
}
// #endregion install
