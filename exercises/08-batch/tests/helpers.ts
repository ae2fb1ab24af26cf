// Small deterministic helpers shared by this suite's test files.
import { vi, type MockInstance } from "vitest";

/** Resolves after `ms` milliseconds: a stand-in for slow work such as an LLM call. */
export const delay = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Silences console.warn for one test and lets it assert on what was warned. */
export function captureWarnings(): MockInstance<(...args: unknown[]) => void> {
  return vi.spyOn(console, "warn").mockImplementation(() => undefined);
}

/** Counts tasks in flight and remembers the most that were ever in flight together. */
export function inFlightGauge() {
  let now = 0;
  const gauge = {
    peak: 0,
    async around<T>(work: () => Promise<T>): Promise<T> {
      now += 1;
      gauge.peak = Math.max(gauge.peak, now);
      try {
        return await work();
      } finally {
        now -= 1;
      }
    },
  };
  return gauge;
}
