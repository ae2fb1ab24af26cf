// Benchmarks the course's core against the published TypeScript port (npm `pocketflow`) and against
// hand-written floors (raw Promise.all, a plain worker pool), in one process: every round runs every
// contender of a workload, in alternating order, and the report prints medians with their spread.
// With --expose-gc (`npm run bench` passes it) it also prints the live heap of each workload at the
// moment all its items are in flight, beside the floor's.
import { availableParallelism, loadavg } from "node:os";
import * as port from "pocketflow";
import * as core from "../core/index.ts";
import { canMeasureHeap, heapInFlight, inFlight, median, rounds, spread, timed } from "./measure.ts";

const TRANSITIONS = 300_000;
const ITEMS = 50_000;
/** The parallel batch again at these sizes: where its state outgrows V8's young generation matters. */
const OTHER_SIZES = [20_000, 100_000];
const ITEM_DELAY_MS = 20;
const WIDTH = 100;
const SUB_FLOWS = 10_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

const delay = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
const nextTurn = () => new Promise<void>((done) => setImmediate(done));
const numbers = (count: number) => Array.from({ length: count }, (_, i) => i);

/** One item's work in the parallel workloads: a stand-in for an LLM call, the same for everyone. */
async function callModel<T>(item: T): Promise<T> {
  inFlight.arrive();
  await delay(ITEM_DELAY_MS);
  inFlight.leave();
  return item;
}

/** One item's work in the bounded workload: a quick reply that takes one turn of the event loop. */
async function quickReply<T>(item: T): Promise<T> {
  inFlight.arrive();
  await nextTurn();
  inFlight.leave();
  return item;
}

function expectInOrder(results: unknown, count: number) {
  const ok = Array.isArray(results) && results.length === count && results.every((value, i) => value === i);
  if (!ok) throw new Error("results are missing or out of input order");
}

// --- workload 1: a node that loops to itself until it has run TRANSITIONS times ---------------

type Counter = { count: number };
const countUp = (shared: Counter) => {
  shared.count += 1;
  inFlight.arrive(); // here a transition "arrives": the memory pass measures the heap mid-run
  return shared.count < TRANSITIONS ? "again" : "done";
};

class CoreLoopSync extends core.Node<Counter> {
  override post(shared: Counter) {
    return countUp(shared);
  }
}

class CoreLoopAsync extends core.Node<Counter> {
  override async prep() {}
  override async exec() {}
  override async post(shared: Counter) {
    return countUp(shared);
  }
}

// The port's types require async hooks, so this is how its users write the node.
class PortLoop extends port.Node<Counter> {
  override async prep() {}
  override async exec() {}
  override async post(shared: Counter) {
    return countUp(shared);
  }
}

async function loop(run: (shared: Counter) => Promise<unknown>) {
  const shared = { count: 0 };
  await run(shared);
  if (shared.count !== TRANSITIONS) throw new Error(`the loop ran ${shared.count} transitions`);
}

const coreLoop = (node: core.Node<Counter>) => () => {
  node.on("again", node).on("done", new core.Node<Counter>());
  return loop((shared) => new core.Flow(node).run(shared));
};

const portLoop = () => {
  const node = new PortLoop();
  node.on("again", node).on("done", new port.Node<Counter>());
  return loop((shared) => new port.Flow(node).run(shared));
};

// --- workload 2: a parallel batch of ITEMS calls (and of OTHER_SIZES) -------------------------

type Results = { results?: unknown[] };

class CoreCalls extends core.ParallelBatchNode<Results, number, number> {
  count: number;
  constructor(count: number) {
    super();
    this.count = count;
  }
  override prep() {
    return numbers(this.count);
  }
  override exec(item: number) {
    return callModel(item);
  }
  override post(shared: Results, _items: unknown, results: number[]) {
    shared.results = results;
  }
}

class PortCalls extends port.ParallelBatchNode<Results> {
  count: number;
  constructor(count: number) {
    super();
    this.count = count;
  }
  override async prep() {
    return numbers(this.count);
  }
  override exec(item: unknown) {
    return callModel(item);
  }
  override async post(shared: Results, _items: unknown, results: unknown) {
    shared.results = results as unknown[];
    return undefined;
  }
}

async function batch(count: number, run: (shared: Results) => Promise<unknown>) {
  const shared: Results = {};
  await run(shared);
  expectInOrder(shared.results, count);
}

// --- workload 3: the same batch with at most WIDTH in flight -----------------------------------

class CoreBounded extends core.ParallelBatchNode<Results, number, number> {
  constructor() {
    super({ maxConcurrency: WIDTH });
  }
  override prep() {
    return numbers(ITEMS);
  }
  override exec(item: number) {
    return quickReply(item);
  }
  override post(shared: Results, _items: unknown, results: number[]) {
    shared.results = results;
  }
}

/** What one writes by hand: WIDTH workers that share one counter of the next item. */
async function workerPool<T, R>(items: T[], width: number, task: (item: T) => Promise<R>) {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

async function bounded(run: (shared: Results) => Promise<unknown>) {
  inFlight.peak = 0;
  await batch(ITEMS, run);
  if (inFlight.peak !== WIDTH) throw new Error(`${inFlight.peak} items were in flight at once, not ${WIDTH}`);
}

// --- workload 4: a ParallelBatchFlow of SUB_FLOWS one-node sub-flows ---------------------------

type Calls = { calls: number };

class CoreStep extends core.Node<Calls> {
  override exec() {
    return callModel(this.params.i);
  }
  override post(shared: Calls) {
    shared.calls += 1;
  }
}

class CoreSubFlows extends core.ParallelBatchFlow<Calls> {
  override prep() {
    return numbers(SUB_FLOWS).map((i) => ({ i }));
  }
}

class PortStep extends port.Node<Calls> {
  override exec() {
    return callModel(this._params.i);
  }
  override async post(shared: Calls) {
    shared.calls += 1;
    return undefined;
  }
}

class PortSubFlows extends port.ParallelBatchFlow<Calls> {
  override async prep() {
    return numbers(SUB_FLOWS).map((i) => ({ i }));
  }
}

async function subFlows(run: (shared: Calls) => Promise<unknown>) {
  const shared = { calls: 0 };
  await run(shared);
  if (shared.calls !== SUB_FLOWS) throw new Error(`${shared.calls} sub-flows ran, not ${SUB_FLOWS}`);
}

// --- the workloads, their contenders and targets -------------------------------------------------

type Workload = {
  title: string;
  /** How many items (or transitions) the memory pass waits for before it measures. */
  inFlight: number;
  /** The items of one run, which "per item" divides the heap by. */
  items: number;
  /** Show the rate per second of this many operations instead of the wall time. */
  perSecond?: number;
  contenders: { name: string; work: () => Promise<unknown> }[];
  /** The row every other row is compared with. */
  baseline: string;
  /** Lines under the table: the figures that the targets are about. */
  notes?: (ratio: (name: string) => number, heapRatio: (name: string) => number) => string[];
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
    notes: (ratio, heapRatio) => [
      `core: ${x(ratio(coreRow))} the floor's time (target ≤ 1.2x), ` +
        `${x(ratio("port") / ratio(coreRow))} faster than the port (target ≥ 1.5x)`,
      `core: ${x(heapRatio(coreRow))} the floor's heap in flight (target ≤ 1.5x)`,
    ],
  };
}

const workloads: Workload[] = [
  {
    title: `Self-looping flow, ${TRANSITIONS.toLocaleString("en-US")} transitions`,
    inFlight: TRANSITIONS / 2,
    items: TRANSITIONS,
    perSecond: TRANSITIONS,
    baseline: "port, async hooks",
    contenders: [
      { name: "port, async hooks", work: portLoop },
      { name: "core, async hooks", work: () => coreLoop(new CoreLoopAsync())() },
      { name: "core, sync hooks", work: () => coreLoop(new CoreLoopSync())() },
    ],
    notes: (ratio) => [
      `core with the same async hooks: ${x(ratio("core, async hooks"))} the port's rate (target ≥ 2x)`,
      `core with sync hooks, which it allows: ${x(ratio("core, sync hooks"))} (target ≥ 3x)`,
    ],
  },
  parallelBatch(ITEMS),
  {
    title: `ParallelBatchNode, ${ITEMS.toLocaleString("en-US")} quick replies, maxConcurrency ${WIDTH}`,
    inFlight: WIDTH,
    items: ITEMS,
    baseline: `floor: a pool of ${WIDTH} workers`,
    contenders: [
      {
        name: `floor: a pool of ${WIDTH} workers`,
        work: () =>
          bounded(async (shared) => (shared.results = await workerPool(numbers(ITEMS), WIDTH, quickReply))),
      },
      { name: "core", work: () => bounded((shared) => new CoreBounded().run(shared)) },
    ],
    notes: (ratio) => [`core: ${x(ratio("core"))} the worker pool's time (the port has no maxConcurrency)`],
  },
  {
    title: `ParallelBatchFlow, ${SUB_FLOWS.toLocaleString("en-US")} one-node sub-flows, each one call`,
    inFlight: SUB_FLOWS,
    items: SUB_FLOWS,
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
    notes: (ratio) => [
      `core: ${x(ratio("core"))} the floor's time, ${x(ratio("port") / ratio("core"))} faster than the port`,
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

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const load = () => loadavg()[0]?.toFixed(2) ?? "?";
const started = performance.now();
console.log(
  `Node ${process.version}, ${availableParallelism()} CPUs, load average ${load()}. ${ROUNDS} rounds per ` +
    `workload, medians; spread is half the interquartile range.` +
    (canMeasureHeap ? "" : "\nHeap figures need node --expose-gc, as `npm run bench` runs it."),
);

for (const workload of workloads) {
  const samples = await rounds(
    workload.contenders.map(({ name, work }) => ({ name, run: () => timed(work) })),
    ROUNDS,
  );
  const heap = new Map<string, number>();
  for (const { name, work } of workload.contenders) {
    heap.set(name, await heapInFlight(workload.inFlight, work));
  }
  const ms = (name: string) => median(samples.get(name) ?? []);
  // For a rate, the baseline's time over this one's: higher is better, as with "x the port's rate".
  const ratio = (name: string) =>
    workload.perSecond ? ms(workload.baseline) / ms(name) : ms(name) / ms(workload.baseline);
  const heapRatio = (name: string) => (heap.get(name) ?? NaN) / (heap.get(workload.baseline) ?? NaN);

  const header = workload.perSecond
    ? ["", "per second", "spread", "rate/port", "live heap mid-run"]
    : ["", "wall time", "spread", "time/floor", "heap in flight", "per item", "heap/floor"];
  const rows = workload.contenders.map(({ name }) => {
    const time = workload.perSecond
      ? Math.round(workload.perSecond / (ms(name) / 1000)).toLocaleString("en-US")
      : `${ms(name).toFixed(1)} ms`;
    const common = [name, time, `±${Math.round(spread(samples.get(name) ?? []) * 100)}%`, x(ratio(name))];
    const bytes = heap.get(name) ?? NaN;
    if (workload.perSecond) return [...common, mb(bytes)];
    return [...common, mb(bytes), `${Math.round(bytes / workload.items)} B`, x(heapRatio(name))];
  });
  const notes = workload.notes?.(ratio, heapRatio) ?? [];
  console.log(
    ["", workload.title, ...table([header, ...rows]), ...notes.map((note) => `  → ${note}`)].join("\n"),
  );
}

console.log(
  `\nLoad average ${load()} at the end; ${((performance.now() - started) / 1000).toFixed(0)} s in all.`,
);
