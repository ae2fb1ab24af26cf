// The engine side of the Trace view: installed by the grading core around the workspace's provided
// core (pocketflow.ts in parts 2 and 3), it keeps one trace per test. No DOM, no Node: any engine that
// evaluates the learner's modules itself can use it.
//
//   const capture = createTraceCapture();
//   capture.install(modules.load("pocketflow.ts"));   // per test file, after its modules are set up
//   capture.begin(name) … capture.end(name)            // around each test
//   outcome.trace = capture.traceOf(name)              // into the report
import { installTracing, Tracer, type SnapshotOptions, type TraceableCore } from "../../../core/trace";
import type { TestTrace } from "./model";

export interface TraceCapture {
  /** Wraps the core's BaseNode.run; false (and nothing installed) if `core` does not look like the core. */
  install(core: unknown): boolean;
  /** The same with the core's module loaded by `load`; a core that throws on load is left alone. */
  installFrom(load: () => unknown): boolean;
  /** A test starts: what was recorded before it (a beforeAll's flows) is not its trace. */
  begin(name: string): void;
  /** A test ended: its steps become its trace. */
  end(name: string): void;
  /** The trace of a test that ran a flow, or undefined. */
  traceOf(name: string): TestTrace | undefined;
}

export interface CaptureOptions {
  /** Steps kept per test (the report crosses a message channel, so it stays small). */
  maxSteps?: number;
  snapshot?: SnapshotOptions;
}

const isCore = (value: unknown): value is TraceableCore => {
  const base: unknown = (value as { BaseNode?: unknown } | null)?.BaseNode;
  if (typeof base !== "function") return false;
  return typeof (base.prototype as { run?: unknown } | undefined)?.run === "function";
};

export function createTraceCapture({ maxSteps = 300, snapshot }: CaptureOptions = {}): TraceCapture {
  const tracer = new Tracer({
    maxSteps,
    snapshot: { maxDepth: 6, maxItems: 50, maxString: 2000, ...snapshot },
  });
  const traces = new Map<string, TestTrace>();
  return {
    install(core) {
      if (!isCore(core)) return false;
      installTracing(core, tracer); // a test file's modules are thrown away with it, so is the wrapper
      return true;
    },
    installFrom(load) {
      try {
        return this.install(load());
      } catch {
        return false; // the test file's own import of it reports the error, as without tracing
      }
    },
    begin() {
      tracer.take();
    },
    end(name) {
      const { steps, dropped } = tracer.take();
      if (steps.length > 0) traces.set(name, { steps, dropped });
    },
    traceOf: (name) => traces.get(name),
  };
}
