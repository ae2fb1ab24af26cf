// The tracer of lesson 18: watch a flow run without changing the core. Record each node run (its
// class, params, action, time, and what it changed in the shared store) and draw the graph.
//
//   const tracer = new Tracer();
//   await tracer.attach(flow).run(shared);
//   console.log(formatTrace(tracer.take().steps).join("\n"));
//   console.log(toMermaid(flow));
export { diff, formatChange, type Change } from "./trace/diff";
export { formatTrace, outcomeOf, type FormatOptions } from "./trace/format";
export { describeGraph, toMermaid, type Graph, type GraphEdge, type GraphNode } from "./trace/graph";
export { installTracing, type InstallOptions, type TraceableCore } from "./trace/install";
export { Tracer, type TraceableNode, type TraceStep, type TracerOptions } from "./trace/recorder";
export {
  formatPlain,
  isMarker,
  snapshot,
  type Marker,
  type Plain,
  type SnapshotOptions,
} from "./trace/snapshot";
