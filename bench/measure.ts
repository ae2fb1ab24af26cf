// Measuring for the core's benchmark: alternating rounds in one process, medians, and the live heap
// at the moment a workload has all its items in flight.

/** A full collection, when node runs with --expose-gc (`npm run bench` passes it). */
const gc = (globalThis as { gc?: () => void }).gc;
export const canMeasureHeap = gc !== undefined;

/**
 * Counts the items in flight. In the memory pass, the moment the count reaches `at` (every item
 * started), it collects garbage and records the heap: what is left is what the items keep alive.
 */
export const inFlight = {
  now: 0,
  peak: 0,
  at: 0,
  heap: NaN,
  arrive() {
    this.now += 1;
    if (this.now > this.peak) this.peak = this.now;
    if (this.now === this.at && gc) {
      this.at = 0; // once per pass: a bounded batch comes back to `at` with every item that starts
      gc();
      this.heap = process.memoryUsage().heapUsed;
    }
  },
  leave() {
    this.now -= 1;
  },
};

/** One run's wall time and the CPU time the process spent in it (every thread: GC helpers too). */
export type Timing = { wallMs: number; cpuMs: number };

/** One contender in a workload: its label and one timed run. */
export type Contender = { name: string; run: () => Promise<Timing> };

/**
 * Times `work`, from a collected heap when `collectFirst` is set, so that no contender pays for
 * another's garbage. CPU time is printed beside wall time because on a shared machine other
 * processes stretch the wall time of a run far more than its CPU time.
 */
export async function timed(work: () => Promise<unknown>, collectFirst: boolean): Promise<Timing> {
  if (collectFirst) gc?.();
  const cpu = process.cpuUsage();
  const started = performance.now();
  await work();
  const wallMs = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (user + system) / 1000 };
}

/** Runs every contender once per round, reversing the order on odd rounds; returns all samples. */
export async function rounds(contenders: Contender[], count: number) {
  const samples = new Map(
    contenders.map(({ name }) => [name, { wall: [] as number[], cpu: [] as number[] }]),
  );
  for (let round = 0; round < count; round++) {
    const order = round % 2 === 0 ? contenders : [...contenders].reverse();
    for (const { name, run } of order) {
      const { wallMs, cpuMs } = await run();
      samples.get(name)?.wall.push(wallMs);
      samples.get(name)?.cpu.push(cpuMs);
    }
  }
  return samples;
}

/** Bytes the heap holds once `items` items are in flight in `work`, above the heap before it. */
export async function heapInFlight(items: number, work: () => Promise<unknown>): Promise<number> {
  if (!gc) return NaN;
  const results: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    gc();
    const before = process.memoryUsage().heapUsed;
    Object.assign(inFlight, { now: 0, at: items, heap: NaN });
    await work();
    results.push(inFlight.heap - before);
  }
  return median(results);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Half the interquartile range, as a share of the median: how much the rounds disagreed. */
export function spread(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))] ?? NaN;
  return (at(0.75) - at(0.25)) / 2 / median(values);
}
