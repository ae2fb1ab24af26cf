// The workloads of the core's benchmark (bench/core.bench.ts): the nodes and flows of the course's
// core and of the published port (npm `pocketflow`) that it times, and the hand-written floors.
import * as port from "pocketflow";
import * as core from "../core/index.ts";
import { inFlight } from "./measure.ts";

export const TRANSITIONS = 300_000;
export const ITEMS = 50_000;
/** The parallel batch again at these sizes: where its state outgrows V8's young generation matters. */
export const OTHER_SIZES = [20_000, 100_000];
export const ITEM_DELAY_MS = 20;
export const WIDTH = 100;
export const SUB_FLOWS = 10_000;

export const delay = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
const nextTurn = () => new Promise<void>((done) => setImmediate(done));
export const numbers = (count: number) => Array.from({ length: count }, (_, i) => i);

/** One item's work in the parallel workloads: a stand-in for an LLM call, the same for everyone. */
export async function callModel<T>(item: T): Promise<T> {
  inFlight.arrive();
  await delay(ITEM_DELAY_MS);
  inFlight.leave();
  return item;
}

/** One item's work in the bounded workload: a quick reply that takes one turn of the event loop. */
export async function quickReply<T>(item: T): Promise<T> {
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

export class CoreLoopSync extends core.Node<Counter> {
  override post(shared: Counter) {
    return countUp(shared);
  }
}

export class CoreLoopAsync extends core.Node<Counter> {
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

export const coreLoop = (node: core.Node<Counter>) => () => {
  node.on("again", node).on("done", new core.Node<Counter>());
  return loop((shared) => new core.Flow(node).run(shared));
};

export const portLoop = () => {
  const node = new PortLoop();
  node.on("again", node).on("done", new port.Node<Counter>());
  return loop((shared) => new port.Flow(node).run(shared));
};

// --- workload 2: a parallel batch of ITEMS calls (and of OTHER_SIZES) -------------------------

type Results = { results?: unknown[] };

export class CoreCalls extends core.ParallelBatchNode<Results, number, number> {
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

export class PortCalls extends port.ParallelBatchNode<Results> {
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

export async function batch(count: number, run: (shared: Results) => Promise<unknown>) {
  const shared: Results = {};
  await run(shared);
  expectInOrder(shared.results, count);
}

// --- workload 3: the same batch with at most WIDTH in flight -----------------------------------

export class CoreBounded extends core.ParallelBatchNode<Results, number, number> {
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
export async function workerPool<T, R>(items: T[], width: number, task: (item: T) => Promise<R>) {
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

export async function bounded(run: (shared: Results) => Promise<unknown>) {
  inFlight.peak = 0;
  await batch(ITEMS, run);
  if (inFlight.peak !== WIDTH) throw new Error(`${inFlight.peak} items were in flight at once, not ${WIDTH}`);
}

// --- workload 4: a ParallelBatchFlow of SUB_FLOWS one-node sub-flows ---------------------------

type Calls = { calls: number };

export class CoreStep extends core.Node<Calls> {
  override exec() {
    return callModel(this.params.i);
  }
  override post(shared: Calls) {
    shared.calls += 1;
  }
}

export class CoreSubFlows extends core.ParallelBatchFlow<Calls> {
  override prep() {
    return numbers(SUB_FLOWS).map((i) => ({ i }));
  }
}

export class PortStep extends port.Node<Calls> {
  override exec() {
    return callModel(this._params.i);
  }
  override async post(shared: Calls) {
    shared.calls += 1;
    return undefined;
  }
}

export class PortSubFlows extends port.ParallelBatchFlow<Calls> {
  override async prep() {
    return numbers(SUB_FLOWS).map((i) => ({ i }));
  }
}

export async function subFlows(run: (shared: Calls) => Promise<unknown>) {
  const shared = { calls: 0 };
  await run(shared);
  if (shared.calls !== SUB_FLOWS) throw new Error(`${shared.calls} sub-flows ran, not ${SUB_FLOWS}`);
}
