// Benchmarks the course's core against the published TypeScript port (npm `pocketflow`), in one
// process, alternating rounds so that warm-up and machine noise fall on both alike.
import * as port from "pocketflow";
import * as core from "../core/index.ts";

const TRANSITIONS = 300_000;
const ITEMS = 50_000;
const ITEM_DELAY_MS = 20;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

type Counter = { count: number };
const delay = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

// --- workload 1: a node that loops to itself until it has run TRANSITIONS times ---------------

class CoreLoopSync extends core.Node<Counter> {
  override post(shared: Counter) {
    shared.count += 1;
    return shared.count < TRANSITIONS ? "again" : "done";
  }
}

class CoreLoopAsync extends core.Node<Counter> {
  override async prep() {}
  override async exec() {}
  override async post(shared: Counter) {
    shared.count += 1;
    return shared.count < TRANSITIONS ? "again" : "done";
  }
}

// The port's types require async hooks, so this is how its users write the node.
class PortLoop extends port.Node<Counter> {
  override async prep() {}
  override async exec() {}
  override async post(shared: Counter) {
    shared.count += 1;
    return shared.count < TRANSITIONS ? "again" : "done";
  }
}

async function loopCore(node: core.Node<Counter>) {
  node.on("again", node).on("done", new core.Node<Counter>());
  const shared = { count: 0 };
  const started = performance.now();
  await new core.Flow(node).run(shared);
  if (shared.count !== TRANSITIONS) throw new Error(`core ran ${shared.count} transitions`);
  return TRANSITIONS / ((performance.now() - started) / 1000);
}

async function loopPort() {
  const node = new PortLoop();
  node.on("again", node).on("done", new port.Node<Counter>());
  const shared = { count: 0 };
  const started = performance.now();
  await new port.Flow(node).run(shared);
  if (shared.count !== TRANSITIONS) throw new Error(`port ran ${shared.count} transitions`);
  return TRANSITIONS / ((performance.now() - started) / 1000);
}

// --- workload 2: a parallel batch of ITEMS items that each await a timer ----------------------

class CoreWait extends core.ParallelBatchNode<unknown, number, number> {
  override prep() {
    return Array.from({ length: ITEMS }, (_, i) => i);
  }
  override async exec(item: number) {
    await delay(ITEM_DELAY_MS);
    return item;
  }
}

class PortWait extends port.ParallelBatchNode {
  override async prep() {
    return Array.from({ length: ITEMS }, (_, i) => i);
  }
  override async exec(item: unknown) {
    await delay(ITEM_DELAY_MS);
    return item;
  }
}

async function wallTime(run: () => Promise<unknown>) {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

const rawPromiseAll = () => Promise.all(Array.from({ length: ITEMS }, () => delay(ITEM_DELAY_MS)));

// --- rounds and report -------------------------------------------------------------------------

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

const samples: Record<string, number[]> = {};
const record = (name: string, value: number) => (samples[name] ??= []).push(value);

for (let round = 0; round < ROUNDS; round++) {
  // Alternate which framework goes first in each round.
  const order = round % 2 === 0 ? ["core", "port"] : ["port", "core"];
  for (const who of order) {
    if (who === "core") {
      record("loop core (sync hooks)", await loopCore(new CoreLoopSync()));
      record("loop core (async hooks)", await loopCore(new CoreLoopAsync()));
      record("parallel core", await wallTime(() => new CoreWait().run({})));
    } else {
      record("loop port (async hooks)", await loopPort());
      record("parallel port", await wallTime(() => new PortWait().run({})));
    }
  }
  record("parallel raw Promise.all", await wallTime(rawPromiseAll));
}

const m = (name: string) => median(samples[name] ?? []);
const perSecond = (value: number) => `${Math.round(value).toLocaleString("en-US")}/s`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

console.log(`Node ${process.version}, ${ROUNDS} rounds, medians\n`);
console.log(`Self-looping flow, ${TRANSITIONS.toLocaleString("en-US")} transitions`);
console.log(`  port, async hooks:  ${perSecond(m("loop port (async hooks)"))}`);
console.log(`  core, async hooks:  ${perSecond(m("loop core (async hooks)"))}`);
console.log(`  core, sync hooks:   ${perSecond(m("loop core (sync hooks)"))}`);
console.log(
  `  ratio core/port:    ${(m("loop core (async hooks)") / m("loop port (async hooks)")).toFixed(2)}x (same async hooks), ` +
    `${(m("loop core (sync hooks)") / m("loop port (async hooks)")).toFixed(2)}x (sync hooks, which the core allows)`,
);
console.log(
  `\nParallelBatchNode, ${ITEMS.toLocaleString("en-US")} items awaiting ${ITEM_DELAY_MS} ms each (wall time)`,
);
console.log(`  raw Promise.all:    ${ms(m("parallel raw Promise.all"))}  (the floor)`);
console.log(`  port:               ${ms(m("parallel port"))}`);
console.log(`  core:               ${ms(m("parallel core"))}  (with per-item retry state)`);
console.log(
  `  ratio core/port:    ${(m("parallel core") / m("parallel port")).toFixed(2)}x wall time (lower is better)`,
);
