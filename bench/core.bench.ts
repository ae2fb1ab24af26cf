// Benchmarks the course's core against the published TypeScript port (npm `pocketflow`) and against
// hand-written floors (raw Promise.all, a plain worker pool), in one process: every round runs every
// contender of a workload, in alternating order, and the report prints medians with their spread.
// With --expose-gc (`npm run bench` passes it) it also prints the live heap of each workload at the
// moment all its items are in flight, beside the floor's.
import { availableParallelism, loadavg } from "node:os";
import {
  batch,
  bounded,
  callModel,
  CoreBounded,
  CoreCalls,
  coreLoop,
  CoreLoopAsync,
  CoreLoopSync,
  CoreStep,
  CoreSubFlows,
  delay,
  ITEM_DELAY_MS,
  ITEMS,
  numbers,
  OTHER_SIZES,
  PortCalls,
  portLoop,
  PortStep,
  PortSubFlows,
  quickReply,
  SUB_FLOWS,
  subFlows,
  TRANSITIONS,
  WIDTH,
  workerPool,
} from "./core-workloads.ts";
import { canMeasureHeap, heapInFlight, inFlight, median, rounds, spread, timed } from "./measure.ts";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

// --- the workloads, their contenders and targets -------------------------------------------------

type Workload = {
  title: string;
  /** How many items (or transitions) the memory pass waits for before it measures. */
  inFlight: number;
  /** The items of one run, which "per item" divides the heap by. */
  items: number;
  /** Show the rate per second of this many operations instead of the wall time. */
  perSecond?: number;
  /**
   * Start each timed run from a collected heap. Batches need it: each leaves tens of megabytes of
   * garbage. The loop leaves little, and a full collection before each run would also drop the
   * object shapes its warmed-up code relies on, so every run would pay to warm up again.
   */
  collectFirst: boolean;
  contenders: { name: string; work: () => Promise<unknown> }[];
  /** The row every other row is compared with. */
  baseline: string;
  /** Lines under the table: the figures that the targets are about. */
  notes?: (
    ratio: (name: string) => number,
    cpuRatio: (name: string) => number,
    heapRatio: (name: string) => number,
  ) => string[];
};

const x = (value: number) => `${value.toFixed(2)}x`;

/** A ParallelBatchNode of `count` calls against the floor and the port (at ITEMS, timers alone too). */
function parallelBatch(count: number): Workload {
  const coreRow = "core, curRetry per item";
  const timersAlone = {
    name: "timers alone, no call function",
    // arrive() only lets the memory pass find the moment every timer is set.
    work: () => Promise.all(numbers(count).map(() => (inFlight.arrive(), delay(ITEM_DELAY_MS)))),
  };
  return {
    title: `ParallelBatchNode, ${count.toLocaleString("en-US")} calls awaiting ${ITEM_DELAY_MS} ms each`,
    inFlight: count,
    items: count,
    collectFirst: true,
    baseline: "floor: Promise.all over the calls",
    contenders: [
      ...(count === ITEMS ? [timersAlone] : []),
      {
        name: "floor: Promise.all over the calls",
        work: () =>
          batch(count, async (shared) => (shared.results = await Promise.all(numbers(count).map(callModel)))),
      },
      { name: "port", work: () => batch(count, (shared) => new PortCalls(count).run(shared)) },
      { name: coreRow, work: () => batch(count, (shared) => new CoreCalls(count).run(shared)) },
    ],
    notes: (ratio, cpuRatio, heapRatio) => [
      `core: ${x(ratio(coreRow))} the floor's wall time (${x(cpuRatio(coreRow))} its CPU time; target ≤ 1.2x), ` +
        `${x(ratio("port") / ratio(coreRow))} faster than the port (${x(cpuRatio("port") / cpuRatio(coreRow))} ` +
        `in CPU time; target ≥ 1.5x)`,
      `core: ${x(heapRatio(coreRow))} the floor's heap in flight (target ≤ 1.5x)`,
    ],
  };
}

const workloads: Workload[] = [
  {
    title: `Self-looping flow, ${TRANSITIONS.toLocaleString("en-US")} transitions`,
    inFlight: TRANSITIONS / 2,
    items: TRANSITIONS,
    collectFirst: false,
    perSecond: TRANSITIONS,
    baseline: "port, async hooks",
    contenders: [
      { name: "port, async hooks", work: portLoop },
      { name: "core, async hooks", work: () => coreLoop(new CoreLoopAsync())() },
      { name: "core, sync hooks", work: () => coreLoop(new CoreLoopSync())() },
    ],
    notes: (ratio, cpuRatio) => [
      `core with the same async hooks: ${x(ratio("core, async hooks"))} the port's rate ` +
        `(${x(cpuRatio("core, async hooks"))} in CPU time; target ≥ 2x)`,
      `core with sync hooks, which it allows: ${x(ratio("core, sync hooks"))} ` +
        `(${x(cpuRatio("core, sync hooks"))} in CPU time; target ≥ 3x)`,
    ],
  },
  parallelBatch(ITEMS),
  {
    title: `ParallelBatchNode, ${ITEMS.toLocaleString("en-US")} quick replies, maxConcurrency ${WIDTH}`,
    inFlight: WIDTH,
    items: ITEMS,
    collectFirst: true,
    baseline: `floor: a pool of ${WIDTH} workers`,
    contenders: [
      {
        name: `floor: a pool of ${WIDTH} workers`,
        work: () =>
          bounded(async (shared) => (shared.results = await workerPool(numbers(ITEMS), WIDTH, quickReply))),
      },
      { name: "core", work: () => bounded((shared) => new CoreBounded().run(shared)) },
    ],
    notes: (ratio, cpuRatio) => [
      `core: ${x(ratio("core"))} the worker pool's wall time, ${x(cpuRatio("core"))} its CPU time ` +
        `(the port has no maxConcurrency)`,
    ],
  },
  {
    title: `ParallelBatchFlow, ${SUB_FLOWS.toLocaleString("en-US")} one-node sub-flows, each one call`,
    inFlight: SUB_FLOWS,
    items: SUB_FLOWS,
    collectFirst: true,
    baseline: "floor: Promise.all over the calls",
    contenders: [
      {
        name: "floor: Promise.all over the calls",
        work: () =>
          subFlows(async (shared) => {
            await Promise.all(numbers(SUB_FLOWS).map(async (i) => (await callModel(i), (shared.calls += 1))));
          }),
      },
      { name: "port", work: () => subFlows((shared) => new PortSubFlows(new PortStep()).run(shared)) },
      { name: "core", work: () => subFlows((shared) => new CoreSubFlows(new CoreStep()).run(shared)) },
    ],
    notes: (ratio, cpuRatio) => [
      `core: ${x(ratio("core"))} the floor's wall time (${x(cpuRatio("core"))} its CPU time), ` +
        `${x(ratio("port") / ratio("core"))} faster than the port (${x(cpuRatio("port") / cpuRatio("core"))} in CPU time)`,
    ],
  },
  ...OTHER_SIZES.map(parallelBatch),
];

// --- run and report -------------------------------------------------------------------------------

/** Lays out rows under a header: the first column left-aligned, the others right-aligned. */
function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows.map(
    (row) =>
      "  " +
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join("   "),
  );
}

/** Megabytes; a measured "nothing" may come out a few bytes below zero, which prints as 0.0. */
const mb = (bytes: number) => `${Math.max(0, bytes / 2 ** 20).toFixed(1)} MB`;
const load = () => loadavg()[0]?.toFixed(2) ?? "?";
const started = performance.now();
console.log(
  `Node ${process.version}, ${availableParallelism()} CPUs, load average ${load()}. ${ROUNDS} rounds per ` +
    `workload, medians; spread is half the interquartile range of the wall times.` +
    (canMeasureHeap ? "" : "\nHeap figures need node --expose-gc, as `npm run bench` runs it."),
);

for (const workload of workloads) {
  const samples = await rounds(
    workload.contenders.map(({ name, work }) => ({ name, run: () => timed(work, workload.collectFirst) })),
    ROUNDS,
  );
  const heap = new Map<string, number>();
  for (const { name, work } of workload.contenders) {
    heap.set(name, await heapInFlight(workload.inFlight, work));
  }
  const wall = (name: string) => median(samples.get(name)?.wall ?? []);
  const cpu = (name: string) => median(samples.get(name)?.cpu ?? []);
  // For a rate, the baseline's time over this one's: higher is better, as with "x the port's rate".
  const relative = (time: (name: string) => number) => (name: string) =>
    workload.perSecond ? time(workload.baseline) / time(name) : time(name) / time(workload.baseline);
  const ratio = relative(wall);
  const cpuRatio = relative(cpu);
  const heapRatio = (name: string) => (heap.get(name) ?? NaN) / (heap.get(workload.baseline) ?? NaN);

  const header = workload.perSecond
    ? ["", "per second", "spread", "rate/port", "cpu time", "cpu/port", "live heap mid-run"]
    : [
        "",
        "wall time",
        "spread",
        "time/floor",
        "cpu time",
        "cpu/floor",
        "heap in flight",
        "per item",
        "heap/floor",
      ];
  const rows = workload.contenders.map(({ name }) => {
    const time = workload.perSecond
      ? Math.round(workload.perSecond / (wall(name) / 1000)).toLocaleString("en-US")
      : `${wall(name).toFixed(1)} ms`;
    const common = [
      name,
      time,
      `±${Math.round(spread(samples.get(name)?.wall ?? []) * 100)}%`,
      x(ratio(name)),
      `${cpu(name).toFixed(0)} ms`,
      x(cpuRatio(name)),
    ];
    const bytes = heap.get(name) ?? NaN;
    if (workload.perSecond) return [...common, mb(bytes)];
    return [...common, mb(bytes), `${Math.round(bytes / workload.items)} B`, x(heapRatio(name))];
  });
  const notes = workload.notes?.(ratio, cpuRatio, heapRatio) ?? [];
  console.log(
    ["", workload.title, ...table([header, ...rows]), ...notes.map((note) => `  → ${note}`)].join("\n"),
  );
}

console.log(
  `\nLoad average ${load()} at the end; ${((performance.now() - started) / 1000).toFixed(0)} s in all.`,
);
