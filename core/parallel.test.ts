// Parallel batches: total time ≈ the longest item, results in input order, bounded concurrency.
import { describe, expect, it } from "vitest";
import { Node, ParallelBatchFlow, ParallelBatchNode } from "./index";
import { delay, explained, inFlightGauge } from "./test-helpers";

/** Each item is a number of milliseconds to wait; the result is the item itself. */
class Waits extends ParallelBatchNode<{ done?: number[] }, number, number> {
  items: number[];
  gauge = inFlightGauge();
  constructor(items: number[], options: { maxConcurrency?: number; maxRetries?: number } = {}) {
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
  override post(shared: { done?: number[] }, _items: unknown, results: number[]) {
    shared.done = results;
  }
}

describe("ParallelBatchNode", () => {
  it("takes about as long as the longest item, not the sum of all items", async () => {
    // Order, not the clock: when every item starts before the first one ends, the batch takes as long
    // as its longest item however slow the machine is.
    const node = new Waits([120, 60, 90, 30]);
    await node.run({});
    expect(node.gauge.startedBeforeFirstEnd(), "all 4 items start before the first one ends").toBe(4);
    expect(
      node.gauge.events.filter((event) => event.startsWith("end")),
      "the shortest item ends first",
    ).toEqual(["end 30 ms", "end 60 ms", "end 90 ms", "end 120 ms"]);
  });

  it("returns results in input order even when items finish out of order", async () => {
    const shared: { done?: number[] } = {};
    await new Waits([40, 10, 30, 20]).run(shared);
    expect(shared.done, "results[i] belongs to items[i], whenever it finished").toEqual([40, 10, 30, 20]);
  });

  it("runs every item at once when maxConcurrency is not set", async () => {
    const node = new Waits(Array.from({ length: 20 }, () => 10));
    expect(node.maxConcurrency, "unlimited by default").toBe(Infinity);
    await node.run({});
    expect(node.gauge.peak, "all 20 items in flight together").toBe(20);
  });

  it("never has more than maxConcurrency items in flight", async () => {
    const node = new Waits(
      Array.from({ length: 10 }, (_, i) => 5 + (i % 3) * 5),
      { maxConcurrency: 3 },
    );
    const shared: { done?: number[] } = {};
    await node.run(shared);
    expect(node.gauge.peak, "maxConcurrency 3: at most 3 at once, and 3 whenever 3 are waiting").toBe(3);
    expect(shared.done, "results in input order").toEqual([5, 10, 15, 5, 10, 15, 5, 10, 15, 5]);
  });

  it("with maxConcurrency 1, runs items strictly one after another", async () => {
    const node = new Waits([10, 10, 10], { maxConcurrency: 1 });
    await node.run({});
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
        "each item fails on purpose until its curRetry is 2, which maxRetries 3 allows, yet the error " +
        `escaped (curRetry seen per item: ${JSON.stringify(attempts)}). Items in flight together share one ` +
        "curRetry unless each runs its _attempt on an object of its own (a copy of the node, or one that inherits from it).",
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
      "the bad item fails on purpose and has a fallback: does each item run through _attempt?",
    );
    expect(shared.out, "the bad item's fallback, between the others' results").toEqual([
      "ok",
      "bad: bad item",
      "fine",
    ]);
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
    await expect(new Fails().run({}), "with no fallback, one item's error rejects the batch").rejects.toThrow(
      "item 2 failed",
    );
  });

  it("handles an empty or missing list", async () => {
    for (const items of [[], null, undefined]) {
      class Nothing extends ParallelBatchNode<{ done?: unknown[] }, number, number> {
        override prep() {
          return items;
        }
        override post(shared: { done?: unknown[] }, _items: unknown, results: number[]) {
          shared.done = results;
        }
      }
      const shared: { done?: unknown[] } = {};
      await new Nothing({ maxConcurrency: 2 }).run(shared);
      expect(shared.done, `prep returned ${JSON.stringify(items) ?? "undefined"}: post gets []`).toEqual([]);
    }
  });
});

describe("ParallelBatchFlow", () => {
  const gauge = () => inFlightGauge();

  class Fetch extends Node<{ got: string[] }> {
    meter = gauge();
    override async prep(shared: { got: string[] }) {
      const before = String(this.params.url);
      await this.meter.around(() => delay(Number(this.params.ms)), before);
      // Another run's params must not leak into this one across the await.
      shared.got.push(`${before}=${String(this.params.url)}`);
    }
  }

  class Pages extends ParallelBatchFlow<{ got: string[] }> {
    override prep() {
      return [
        { url: "a", ms: 100 },
        { url: "b", ms: 30 },
        { url: "c", ms: 60 },
      ];
    }
  }

  it("runs the sub-flows concurrently: total time ≈ the longest one", async () => {
    const shared = { got: [] as string[] };
    const start = new Fetch();
    await new Pages(start).run(shared);
    expect(start.meter.startedBeforeFirstEnd(), "all 3 sub-flows start before the first one ends").toBe(3);
    expect(shared.got, "the shortest run finishes first, each with its own params").toEqual([
      "b=b",
      "c=c",
      "a=a",
    ]);
  });

  it("gives each concurrent run its own params, merged over the flow's", async () => {
    const seen: string[] = [];
    class Reads extends Node {
      override async prep() {
        await delay(Number(this.params.ms));
        seen.push(`${String(this.params.url)} for ${String(this.params.user)}`);
      }
    }
    const flow = new Pages(new Reads());
    flow.setParams({ user: "ada" });
    await flow.run({ got: [] });
    expect(seen.sort(), "no run's params leak into another's across an await").toEqual([
      "a for ada",
      "b for ada",
      "c for ada",
    ]);
    expect(flow.params, "the flow's own params are unchanged").toEqual({ user: "ada" });
  });

  it("never runs more than maxConcurrency sub-flows at once", async () => {
    const meter = inFlightGauge();
    class Tracked extends Node {
      override exec() {
        return meter.around(() => delay(10));
      }
    }
    class Many extends ParallelBatchFlow {
      override prep() {
        return Array.from({ length: 8 }, (_, i) => ({ i }));
      }
    }
    const flow = new Many(new Tracked(), { maxConcurrency: 2 });
    expect(flow.maxConcurrency, "the constructor's second argument sets maxConcurrency").toBe(2);
    await flow.run({});
    expect(meter.peak, "maxConcurrency 2: two sub-flows at a time").toBe(2);
  });
});
