// The page scripts/parity.ts opens in headless Chromium: it exposes the worker engine to the script.
// `runWith` runs a worker of the caller's own source, to check what the page does with a sandbox
// that misbehaves (e2e/engine-host.e2e.ts).
import type { TestReport } from "../../src/lib/engine/report";
import { createWorkerEngine, type WorkerEngine } from "../../src/lib/engine/worker/host";

export interface ParityHarness {
  run(files: Record<string, string>, tests: Record<string, string>, timeoutMs: number): Promise<TestReport>;
  runWith(workerSource: string, timeoutMs: number): Promise<TestReport>;
  /** The suite's test names per file, collected without learner code (what the WebContainer asks). */
  plan(tests: Record<string, string>): Promise<Record<string, string[] | null> | undefined>;
  /** Whether COOP/COEP made the page cross-origin isolated, as the site is. */
  isolated: boolean;
}

declare global {
  interface Window {
    parity?: ParityHarness;
  }
}

const engine = createWorkerEngine();
const byHand = new Map<string, WorkerEngine>();
window.parity = {
  run: (files, tests, timeoutMs) => engine.run(files, tests, { timeoutMs }),
  plan: (tests) => engine.plan(tests),
  runWith(workerSource, timeoutMs) {
    let custom = byHand.get(workerSource);
    if (!custom) {
      custom = createWorkerEngine({ loadWorkerSource: () => Promise.resolve(workerSource) });
      byHand.set(workerSource, custom);
    }
    return custom.run({ "a.ts": "" }, { "tests/a.test.ts": "" }, { timeoutMs });
  },
  isolated: window.crossOriginIsolated,
};
