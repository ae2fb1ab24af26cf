// ParallelBatchNode: total time ≈ the longest item, results in input order, bounded concurrency.
import { describe, expect, it } from "vitest";
import { BatchNode, ParallelBatchNode, type ConcurrencyOptions, type NodeOptions } from "../pocketflow";
import { delay, explained, inFlightGauge } from "./helpers";

type Done = { done?: number[] };

/** Each item is a number of milliseconds to wait; the result is the item itself. */
class Waits extends ParallelBatchNode<Done, number, number> {
  items: number[];
  gauge = inFlightGauge();
  constructor(items: number[], options: NodeOptions & ConcurrencyOptions = {}) {
    super(options);
    this.items = items;
  }
  override prep() {
    return this.items;
  }
  override exec(ms: number) {
    return this.gauge.around(async () => {
      await delay(ms);
      return ms;
    }, `${ms} ms`);
  }
  override post(shared: Done, _items: unknown, results: number[]) {
    shared.done = results;
  }
}

/** run(), failing with what a crash of the learner's mapConcurrent most likely means. */
const runBatch = (node: Waits, shared: Done = {}) =>
  explained(
    node.run(shared),
    `run with maxConcurrency ${node.maxConcurrency}`,
    "no item fails here, so the error comes from the batch machinery. With maxConcurrency Infinity " +
      "(the default), Array.from({ length: limit }) throws RangeError: check for limit >= items.length " +
      "first, and start Math.max(1, limit) lanes only below it.",
  );

describe("ParallelBatchNode", () => {
  // Order, not the clock: when every item starts before the first one ends, the batch takes as long as
  // its longest item, however slow or busy the machine is.
  it("takes about as long as the longest item, not the sum of all items", async () => {
    const node = new Waits([120, 60, 90, 30]);
    await runBatch(node);
    expect(
      node.gauge.startedBeforeFirstEnd(),
      `all 4 items should start before the first one ends (in order: ${node.gauge.events.join(", ")})`,
    ).toBe(4);
    expect(
      node.gauge.events.filter((event) => event.startsWith("end")),
      "the items end in the order of their durations",
    ).toEqual(["end 30 ms", "end 60 ms", "end 90 ms", "end 120 ms"]);
  });

  it("gives post the results in input order, even when items finish out of order", async () => {
    const shared: Done = {};
    await runBatch(new Waits([40, 10, 30, 20]), shared);
    expect(shared.done, "results[i] belongs to items[i], whenever it finished").toEqual([40, 10, 30, 20]);
  });

  it("runs every item at once when maxConcurrency is not set", async () => {
    const node = new Waits(Array.from({ length: 20 }, () => 10));
    expect(node.maxConcurrency, "unlimited by default").toBe(Infinity);
    await runBatch(node);
    expect(node.gauge.peak, "all 20 items in flight together").toBe(20);
  });

  it("never has more than maxConcurrency items in flight, and keeps the order", async () => {
    const node = new Waits(
      Array.from({ length: 10 }, (_, i) => 5 + (i % 3) * 5),
      { maxConcurrency: 3 },
    );
    const shared: Done = {};
    await runBatch(node, shared);
    expect(node.gauge.peak, "maxConcurrency 3: at most 3 at once, and 3 whenever 3 are waiting").toBe(3);
    expect(shared.done).toEqual([5, 10, 15, 5, 10, 15, 5, 10, 15, 5]);
  });

  it("with maxConcurrency 1, runs items strictly one after another", async () => {
    const node = new Waits([10, 10, 10], { maxConcurrency: 1 });
    await runBatch(node);
    expect(node.gauge.peak, "maxConcurrency 1: never two items at once").toBe(1);
  });

  it("keeps retry state per item: concurrent retries do not share curRetry", async () => {
    const attempts: Record<string, number[]> = { a: [], b: [], c: [] };
    class Flaky extends ParallelBatchNode<unknown, string, string> {
      override prep() {
        return ["a", "b", "c"];
      }
      override async exec(item: string) {
        attempts[item]?.push(this.curRetry);
        await delay(item === "a" ? 5 : 15);
        if (this.curRetry < 2) throw new Error(`${item} not yet`);
        return item;
      }
    }
    await explained(
      new Flaky({ maxRetries: 3 }).run({}),
      "run",
      () =>
        "each item fails on purpose until its curRetry is 2, which maxRetries 3 allows, yet an error escaped " +
        `(curRetry seen per item: ${JSON.stringify(attempts)}). Items in flight together share one curRetry ` +
        "unless each runs _attempt on an object of its own when maxConcurrency > 1: Object.create(this), or copyOf(this).",
    );
    expect(attempts, "each item in flight runs on an object of its own, with its own curRetry").toEqual({
      a: [0, 1, 2],
      b: [0, 1, 2],
      c: [0, 1, 2],
    });
  });

  it("falls back per item and keeps the other items' results", async () => {
    class SomeFail extends ParallelBatchNode<{ out?: string[] }, string, string> {
      override prep() {
        return ["ok", "bad", "fine"];
      }
      override async exec(item: string) {
        await delay(5);
        if (item === "bad") throw new Error("bad item");
        return item;
      }
      override execFallback(item: string, error: Error) {
        return `${item}: ${error.message}`;
      }
      override post(shared: { out?: string[] }, _items: unknown, results: string[]) {
        shared.out = results;
      }
    }
    const shared: { out?: string[] } = {};
    await explained(
      new SomeFail({ maxRetries: 2 }).run(shared),
      "run",
      'the item "bad" fails on purpose and has a fallback: does every item still go through _attempt?',
    );
    expect(shared.out).toEqual(["ok", "bad: bad item", "fine"]);
  });

  it("rejects when an item fails with no fallback", async () => {
    class Fails extends ParallelBatchNode<unknown, number, number> {
      override prep() {
        return [1, 2, 3];
      }
      override async exec(n: number) {
        await delay(n);
        if (n === 2) throw new Error("item 2 failed");
        return n;
      }
    }
    await expect(new Fails().run({})).rejects.toThrow("item 2 failed");
  });

  it("handles an empty or missing list", async () => {
    for (const items of [[], null, undefined]) {
      class Nothing extends ParallelBatchNode<Done, number, number> {
        override prep() {
          return items;
        }
        override post(shared: Done, _items: unknown, results: number[]) {
          shared.done = results;
        }
      }
      const shared: Done = {};
      await explained(
        new Nothing({ maxConcurrency: 2 }).run(shared),
        "run",
        "an empty batch should do nothing: are null and undefined turned into [] (items ?? [])?",
      );
      expect(shared.done, `prep returned ${JSON.stringify(items) ?? "undefined"}: post gets []`).toEqual([]);
    }
  });

  it("passes maxRetries and wait on to Node", () => {
    const node = new ParallelBatchNode({ maxRetries: 3, wait: 0.01, maxConcurrency: 4 });
    expect([node.maxRetries, node.wait, node.maxConcurrency]).toEqual([3, 0.01, 4]);
  });

  it("leaves a plain BatchNode sequential: its maxConcurrency is 1", async () => {
    const gauge = inFlightGauge();
    class Slow extends BatchNode<unknown, number, number> {
      override exec(ms: number) {
        return gauge.around(() => delay(ms).then(() => ms));
      }
      override prep() {
        return [10, 10, 10];
      }
    }
    const node = new Slow();
    expect(node.maxConcurrency, "BatchNode has maxConcurrency 1; only ParallelBatchNode raises it").toBe(1);
    await node.run({});
    expect(gauge.peak, "a plain BatchNode runs one item at a time").toBe(1);
  });
});
