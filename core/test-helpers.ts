// Small deterministic helpers shared by the core's test files and the exercise suites (as tests/helpers.ts).
import { vi, type MockInstance } from "vitest";

/** Resolves after `ms` milliseconds: a stand-in for slow work such as an LLM call. */
export const delay = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Silences console.warn for one test and lets it assert on what was warned. */
export function captureWarnings(): MockInstance<(...args: unknown[]) => void> {
  return vi.spyOn(console, "warn").mockImplementation(() => undefined);
}

/**
 * Counts tasks in flight, remembers the most that were ever in flight together, and logs every start
 * and end in order. Order, unlike elapsed time, does not change on a slow or busy machine.
 */
export function inFlightGauge() {
  let now = 0;
  const gauge = {
    peak: 0,
    /** "start <label>" and "end <label>", in the order they happened. */
    events: [] as string[],
    async around<T>(work: () => Promise<T>, label = ""): Promise<T> {
      now += 1;
      gauge.peak = Math.max(gauge.peak, now);
      gauge.events.push(`start ${label}`.trim());
      try {
        return await work();
      } finally {
        now -= 1;
        gauge.events.push(`end ${label}`.trim());
      }
    },
    /** How many tasks had started when the first one ended: all of them, if they overlapped fully. */
    startedBeforeFirstEnd(): number {
      const firstEnd = gauge.events.findIndex((event) => event.startsWith("end"));
      return (firstEnd === -1 ? gauge.events : gauge.events.slice(0, firstEnd)).length;
    },
  };
  return gauge;
}

/**
 * Checks `wait` by the order of events rather than by the clock, so a busy machine cannot fail it.
 * Call `attempt()` at the start of every exec attempt: it sets a timer at half the expected wait and
 * one at ten waits. Each retry must come after the first and before the second, and nothing may wait
 * after the last attempt. Measured gaps are only quoted in the explanation, never compared.
 */
export function retryTimeline(waitMs: number) {
  const events: string[] = [];
  const startedAt: number[] = [];
  const timers: ReturnType<typeof setTimeout>[] = [];
  let stopWaiting = () => {};
  const stalled = new Promise<void>((done) => (stopWaiting = done));
  const at = (event: string) => events.indexOf(event);

  return {
    events,
    /** Marks the start of an attempt of exec. */
    attempt() {
      const attempt = startedAt.length;
      startedAt.push(performance.now());
      events.push(`attempt ${attempt}`);
      timers.push(setTimeout(() => events.push(`half a wait after attempt ${attempt}`), waitMs / 2));
      timers.push(
        setTimeout(() => {
          if (startedAt.length > attempt + 1) return;
          events.push(`ten waits after attempt ${attempt}`);
          stopWaiting();
        }, waitMs * 10),
      );
    },
    /** Waits until `run` settles, or until ten waits pass with no new attempt. */
    async settle(run: Promise<unknown>) {
      const settled = () => void events.push("run settled");
      await Promise.race([run.then(settled, settled), stalled]);
      timers.forEach(clearTimeout);
    },
    /** What went wrong, in sentences a learner can act on; empty when every wait was right. */
    problems(): string[] {
      const found: string[] = [];
      for (let attempt = 0; attempt + 1 < startedAt.length; attempt++) {
        const half = at(`half a wait after attempt ${attempt}`);
        if (half !== -1 && half < at(`attempt ${attempt + 1}`)) continue;
        const gap = ((startedAt[attempt + 1] ?? 0) - (startedAt[attempt] ?? 0)).toFixed(1);
        found.push(
          `attempt ${attempt + 1} started ${gap} ms after attempt ${attempt}, before half of the ${waitMs} ms ` +
            "wait had passed: is there a sleep(this.wait) before each retry, with wait in seconds?",
        );
      }
      const stuck = events.find((event) => event.startsWith("ten waits"));
      if (stuck)
        found.push(
          `no new attempt and no result ${waitMs * 10} ms after the last attempt, ten times the wait: ` +
            "is wait read as seconds and turned into milliseconds exactly once?",
        );
      const last = startedAt.length - 1;
      const halfAfterLast = at(`half a wait after attempt ${last}`);
      if (halfAfterLast !== -1 && halfAfterLast < at("run settled"))
        found.push("run settled only after a wait that followed the last attempt: wait only before a retry");
      return found;
    },
  };
}

/** An error's class and message as a learner would want them quoted: `"boom"` or `RangeError "bad"`. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `the value ${JSON.stringify(error) ?? String(error)}`;
  return error.name === "Error" ? `"${error.message}"` : `${error.name} "${error.message}"`;
}

/**
 * Awaits `work`; if it rejects, the test fails with what escaped and what to check, instead of the bare
 * message of an error that the test itself scripted (such as "attempt 1 failed"). `check` may be a
 * function, to quote what the run recorded before it failed.
 */
export async function explained<T>(work: Promise<T>, what: string, check: string | (() => string)) {
  try {
    return await work;
  } catch (error) {
    const advice = typeof check === "function" ? check() : check;
    throw new Error(`${what} rejected with ${describeError(error)}: ${advice}`, { cause: error });
  }
}
