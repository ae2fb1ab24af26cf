// The page scripts/parity.ts opens in headless Chromium: it exposes the worker engine to the script.
import type { TestReport } from "../../src/lib/engine/report";
import { createWorkerEngine } from "../../src/lib/engine/worker/host";

export interface ParityHarness {
  run(files: Record<string, string>, tests: Record<string, string>, timeoutMs: number): Promise<TestReport>;
  /** Whether COOP/COEP made the page cross-origin isolated, as the site is. */
  isolated: boolean;
}

declare global {
  interface Window {
    parity?: ParityHarness;
  }
}

const engine = createWorkerEngine();
window.parity = {
  run: (files, tests, timeoutMs) => engine.run(files, tests, { timeoutMs }),
  isolated: window.crossOriginIsolated,
};
